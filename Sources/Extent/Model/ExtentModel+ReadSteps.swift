/// The readers' and scrubbers' steps (§9): what users see after the write.
///
/// A reader's or scrubber's step runs only while no bio is in flight, and while a reader's device
/// read of a block is in progress no bio over that block starts and no write touches its folio.
extension ExtentModel {
    /// Where a reader is: the step of its script and the block within it, counted from the read's
    /// first; the step is the script's length once it has finished.
    func readPosition(of reader: Int, in state: ExtentState) -> (step: Int, index: Int) {
        let slot = state[layout.readerPosition(reader)]
        return (Int(slot >> 8), Int(slot & 0xFF))
    }

    func setReadPosition(of reader: Int, step: Int, index: Int, in state: inout ExtentState) {
        state[layout.readerPosition(reader)] = UInt32(step) << 8 | UInt32(index)
    }

    /// The progress of a reader's device read.
    func readProgress(of reader: Int, in state: ExtentState) -> ReadProgress {
        ReadProgress(slot: state[layout.readerProgress(reader)])
    }

    /// The read a reader is in and the file block it is at, or nil once it has finished.
    func currentRead(of reader: Int, in state: ExtentState) -> (read: ReaderStep, block: Int)? {
        let position = readPosition(of: reader, in: state)
        let script = readers[reader].script
        guard position.step < script.count else { return nil }
        let read = script[position.step]
        return (read, read.fileBlocks.lowerBound + position.index)
    }

    /// The file blocks a reader's device read holds, as bits: no bio over them may start and no write
    /// may touch their folios.
    @inline(never)
    func blocksBeingRead(in state: ExtentState) -> UInt32 {
        var blocks: UInt32 = 0
        for reader in readers.indices where readProgress(of: reader, in: state).isReading {
            if let block = currentRead(of: reader, in: state)?.block { blocks |= 1 << block }
        }
        return blocks
    }

    /// Whether any bio is in flight: a writer's direct or bounce bio, or a folio's writeback.
    func hasBioInFlight(_ state: ExtentState) -> Bool {
        writers.indices.contains { position(of: $0, in: state).phase == .awaitingBio }
            || (0..<geometry.blocks).contains { folio($0, in: state).contains(.writeback) }
    }

    /// The readers' and scrubbers' steps enabled in `state`, readers first.
    @inline(never)
    func forEachReadStep(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        guard !hasBioInFlight(state) else { return }
        for reader in readers.indices { forEachStep(of: reader, in: state, body) }
        for scrubber in scrubbers.indices where state[layout.scrubberPosition(scrubber)] < scrubbedBlocks(by: scrubber) {
            for failing in scrubOutcomes(of: scrubber, in: state) { body(.scrub(scrubber: scrubber, failing: failing)) }
        }
    }

    /// The number of blocks a scrubber scrubs over all its passes.
    func scrubbedBlocks(by scrubber: Int) -> UInt32 { UInt32(scrubbers[scrubber].passes * geometry.blocks) }

    /// The steps of one reader enabled in `state`.
    private func forEachStep(of reader: Int, in state: ExtentState, _ body: (ExtentAction) -> Void) {
        guard let (read, block) = currentRead(of: reader, in: state) else { return }
        let progress = readProgress(of: reader, in: state)
        switch progress.phase {
        case .idle:
            // A `read` of a block another `read` is fetching waits on the folio, locked until it is filled.
            if case .read = read, isFolioBeingFilled(block, in: state) { return }
            body(.read(reader: reader))
        case .fetching:
            for mirror in 0..<geometry.mirrors where progress.rereads || progress.tried & (1 << mirror) == 0 {
                body(.fetch(reader: reader, mirror: mirror))
            }
        case .fetched:
            let outcomes = checkOutcomes(of: reader, block: block, in: state)
            if outcomes.passes { body(.check(reader: reader, passes: true)) }
            if outcomes.fails { body(.check(reader: reader, passes: false)) }
        case .succeeded:
            for mirror in 0..<geometry.mirrors where progress.failed & (1 << mirror) != 0 {
                body(.repair(reader: reader, mirror: mirror))
            }
            if progress.failed == 0 { body(.endRead(reader: reader)) }
        case .failed:
            body(.endRead(reader: reader))
        }
    }

    /// Whether a reader's `read` of file block `block` is fetching it from the device: its folio is
    /// locked until the read ends.
    private func isFolioBeingFilled(_ block: Int, in state: ExtentState) -> Bool {
        readers.indices.contains { reader in
            guard readProgress(of: reader, in: state).isReading, let current = currentRead(of: reader, in: state) else {
                return false
            }
            if case .read = current.read { return current.block == block } else { return false }
        }
    }

    /// Where a reader's fetch of its block lands: its buffer itself for an O_DIRECT read under
    /// `direct-read: user-pages` (unless it is `reread-stable`'s second read), else a kernel page.
    func destination(of reader: Int, in state: ExtentState) -> StateLayout.Place {
        guard let (read, block) = currentRead(of: reader, in: state), case .directRead(let range) = read,
            policy.directRead == .userPages, !readProgress(of: reader, in: state).rereads
        else { return .readerPage(reader) }
        return .buffer(range.buffer, block: block - range.at)
    }

    /// Applies a reader's or scrubber's step from `state` to `next`, which holds `state`'s slots.
    func applyReadStep(_ action: ExtentAction, from state: ExtentState, into next: inout ExtentState) {
        switch action {
        case .read(let reader):
            let (read, block) = currentRead(of: reader, in: state)!
            if case .read = read, folio(block, in: state).contains(.cached) {
                advance(reader, in: &next, endingCall: false)
            } else {
                next[layout.readerProgress(reader)] = ReadProgress(phase: .fetching).slot
            }
        case .fetch(let reader, let mirror):
            applyFetch(of: reader, from: mirror, from: state, into: &next)
        case .check(let reader, let passes):
            applyCheck(of: reader, passes: passes, from: state, into: &next)
        case .repair(let reader, let mirror):
            let block = currentRead(of: reader, in: state)!.block
            copy(destination(of: reader, in: state), of: state, to: .stored(block, mirror: mirror), in: &next)
            var progress = readProgress(of: reader, in: state)
            progress.failed &= ~(1 << mirror)
            next[layout.readerProgress(reader)] = progress.slot
        case .endRead(let reader):
            applyEnd(of: reader, from: state, into: &next)
        case .scrub(let scrubber, let failing):
            applyScrub(scrubber, failing: failing, from: state, into: &next)
        default:
            preconditionFailure("\(action) is not a reader's or scrubber's step")
        }
    }

    /// A fetch: the mirror's data lands in the read's destination; a kernel page keeps what the device
    /// read in every case, so that a check can tell a changed buffer from bad media.
    private func applyFetch(of reader: Int, from mirror: Int, from state: ExtentState, into next: inout ExtentState) {
        let block = currentRead(of: reader, in: state)!.block
        var progress = readProgress(of: reader, in: state)
        progress.phase = .fetched
        progress.mirror = mirror
        if !progress.rereads { progress.tried |= 1 << mirror }
        next[layout.readerProgress(reader)] = progress.slot
        copy(.stored(block, mirror: mirror), of: state, to: .readerPage(reader), in: &next)
        let destination = destination(of: reader, in: state)
        if destination != .readerPage(reader) { copy(.stored(block, mirror: mirror), of: state, to: destination, in: &next) }
    }

    /// A check's outcome: a pass waits for the repairs and the end; a failure tries another mirror or
    /// reads once more, per `read-failure`, or leaves the read to end with EIO.
    private func applyCheck(of reader: Int, passes: Bool, from state: ExtentState, into next: inout ExtentState) {
        let progress = readProgress(of: reader, in: state)
        let failed = passes || policy.readRepair == .no ? progress.failed : progress.failed | 1 << progress.mirror
        var after: ReadProgress
        if passes {
            after = ReadProgress(phase: .succeeded, rereads: progress.rereads, failed: failed)
        } else if progress.rereads {
            after = ReadProgress(phase: .failed)
        } else {
            switch policy.readFailure {
            case .nextMirror:
                let untried = progress.tried != (1 << geometry.mirrors) - 1
                after = untried ? ReadProgress(phase: .fetching, tried: progress.tried, failed: failed) : ReadProgress(phase: .failed)
            case .rereadStable:
                after = ReadProgress(phase: .fetching, rereads: true, failed: failed)
            }
        }
        next[layout.readerProgress(reader)] = after.slot
        // The page is needed after the check only where the read returns it.
        if after.phase != .succeeded || destination(of: reader, in: state) != .readerPage(reader) {
            clear(.readerPage(reader), in: &next)
        }
    }

    /// A read's end: a `read` fills the folio, clean; an O_DIRECT read that fetched into a kernel page
    /// copies it into the buffer; an EIO leaves both as they are and ends the whole call.
    private func applyEnd(of reader: Int, from state: ExtentState, into next: inout ExtentState) {
        let (read, block) = currentRead(of: reader, in: state)!
        let succeeded = readProgress(of: reader, in: state).phase == .succeeded
        if succeeded, destination(of: reader, in: state) == .readerPage(reader) {
            switch read {
            case .read:
                copy(.readerPage(reader), of: state, to: .folio(block), in: &next)
                next[layout.folioFlags(block)] = FolioFlags.cached.rawValue
            case .directRead(let range):
                copy(.readerPage(reader), of: state, to: .buffer(range.buffer, block: block - range.at), in: &next)
            }
        }
        clear(.readerPage(reader), in: &next)
        next[layout.readerProgress(reader)] = ReadProgress().slot
        advance(reader, in: &next, endingCall: !succeeded)
    }

    /// Moves a reader to the next block of its read, or to its next read when this one is done or
    /// `endingCall` (an EIO ends the call).
    private func advance(_ reader: Int, in state: inout ExtentState, endingCall: Bool) {
        let position = readPosition(of: reader, in: state)
        let blocks = readers[reader].script[position.step].fileBlocks.count
        if !endingCall, position.index + 1 < blocks {
            setReadPosition(of: reader, step: position.step, index: position.index + 1, in: &state)
        } else {
            setReadPosition(of: reader, step: position.step + 1, index: 0, in: &state)
        }
    }

    /// A scrub of one block: under `scrub: checksums` each failing mirror is rewritten from the first
    /// mirror that checks, if one does; `compare-copies` rewrites nothing.
    private func applyScrub(_ scrubber: Int, failing: UInt32, from state: ExtentState, into next: inout ExtentState) {
        let position = state[layout.scrubberPosition(scrubber)]
        next[layout.scrubberPosition(scrubber)] = position + 1
        let block = Int(position) % geometry.blocks
        let passing = (0..<geometry.mirrors).first { failing & (1 << $0) == 0 }
        guard failing != 0, let passing else { return }
        for mirror in 0..<geometry.mirrors where failing & (1 << mirror) != 0 {
            copy(.stored(block, mirror: passing), of: state, to: .stored(block, mirror: mirror), in: &next)
        }
    }

    /// The block a scrubber scrubs next.
    func scrubbedBlock(of scrubber: Int, in state: ExtentState) -> Int {
        Int(state[layout.scrubberPosition(scrubber)]) % geometry.blocks
    }
}
