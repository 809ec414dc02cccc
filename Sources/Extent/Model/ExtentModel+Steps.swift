extension ExtentModel {
    /// Calls `body` with every step enabled in `state`, in a fixed order: writers, flusher, bios
    /// (writers' then writeback), mutators, readers, scrubbers, the crash. A callback rather than an
    /// array: this runs once per state.
    func forEachEnabledAction(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        // Apart, and out of line: most models have no reader, scrubber or crash.
        guard !shape.stepsBeyondTheWrite else { return forEachEnabledActionBeyondTheWrite(in: state, body) }
        forEachEnabledActionOfTheWrite(in: state, body)
    }

    /// Every step enabled in `state` of a model without readers, scrubbers or crashes:
    /// `forEachEnabledAction`'s there, without its test for them, for the search's loop over models
    /// that need no more.
    @inline(__always)
    func forEachEnabledActionOfTheWrite(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        forEachWriterStep(in: state, body)
        for block in 0..<geometry.blocks {
            let flags = folio(block, in: state)
            if flags.contains(.dirty), !flags.contains(.writeback) {
                body(.writeback(block: block))
            }
        }
        forEachBioStep(in: state, body)
        forEachMutation(in: state, body)
    }

    /// The steps enabled in `state` of a model with readers, scrubbers or crashes: those of a model
    /// without, but for the writes and writebacks a reader's device read holds off (no bio over its
    /// block starts, no write touches its folio), then the readers' and scrubbers' steps, then the
    /// crash while crashes remain.
    @inline(never)
    private func forEachEnabledActionBeyondTheWrite(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        let beingRead = blocksBeingRead(in: state)
        forEachWriterStep(in: state) { action in
            guard case .writerStep(let writer, let step) = action else { return }
            switch writers[writer].script[step] {
            case .directWrite(let range), .bufferedWrite(let range): if range.overlaps(beingRead) { return }
            case .fsync: break
            }
            body(action)
        }
        for block in 0..<geometry.blocks where beingRead & (1 << block) == 0 {
            let flags = folio(block, in: state)
            if flags.contains(.dirty), !flags.contains(.writeback) {
                body(.writeback(block: block))
            }
        }
        forEachBioStep(in: state, body)
        forEachMutation(in: state, body)
        forEachReadStep(in: state, body)
        if crashesLeft(in: state) > 0 { body(.crash) }
    }

    /// The writers' next steps where they are enabled: a write whose folios are free, an `fsync` once
    /// nothing is in flight.
    @inline(__always)
    private func forEachWriterStep(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        for writer in writers.indices {
            let position = position(of: writer, in: state)
            guard position.phase == .ready, position.step < writers[writer].script.count else { continue }
            let enabled: Bool
            switch writers[writer].script[position.step] {
            case .directWrite(let range):
                enabled = directIOPath != .buffered || canWriteFolios(range, in: state)
            case .bufferedWrite(let range):
                enabled = canWriteFolios(range, in: state)
            case .fsync:
                enabled = isQuiescent(state)
            }
            if enabled { body(.writerStep(writer: writer, step: position.step)) }
        }
    }

    /// The kernel's and the device's steps on each bio in flight: its next checksum, else every
    /// transfer not yet made, else its `complete` (succeeding, failing, or both where §8 checks it).
    @inline(__always)
    private func forEachBioStep(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        for owner in bioOwners {
            guard let range = range(of: owner, in: state) else { continue }
            if checksums(owner), let index = (0..<range.blocks).first(where: { isEmpty(.bioChecksum(owner, index: $0), in: state) }) {
                body(.checksum(owner, index: index))
                continue
            }
            var transferred = true
            for mirror in 0..<geometry.mirrors {
                for index in 0..<range.blocks where isEmpty(.bioReceived(owner, mirror: mirror, index: index), in: state) {
                    transferred = false
                    body(.transfer(owner, mirror: mirror, index: index))
                }
            }
            guard transferred else { continue }
            guard shape.checksCompletions else {
                body(.complete(owner))
                continue
            }
            let outcomes = outcomes(of: owner, range: range, in: state)
            if outcomes.succeeds { body(.complete(owner)) }
            if outcomes.fails { body(.failedCompletion(owner)) }
        }
    }

    /// Every word a mutator with budget left may change: its buffer's unless write-protected, or
    /// every cached folio's not held stable under writeback; one step per value with `concrete:K`.
    @inline(__always)
    private func forEachMutation(in state: ExtentState, _ body: (ExtentAction) -> Void) {
        for (mutator, description) in mutators.enumerated() where state[layout.budget(mutator)] > 0 {
            func mutate(_ location: WordLocation) {
                if let k = concreteValues {
                    for value in 0..<UInt32(k) { body(.mutate(mutator: mutator, location: location, value: value)) }
                } else {
                    body(.mutate(mutator: mutator, location: location, value: nil))
                }
            }
            switch description.target {
            case .buffer(let buffer):
                if shape.writeProtectsBuffers, isWriteProtected(buffer, in: state) { continue }
                for word in 0..<(scenario.buffers[buffer].blocks * geometry.blockWords) {
                    mutate(.buffer(buffer, word: word))
                }
            case .pageCache:
                for block in 0..<geometry.blocks {
                    let flags = folio(block, in: state)
                    guard flags.contains(.cached), !(policy.stablePages && flags.contains(.writeback)) else { continue }
                    for word in 0..<geometry.blockWords { mutate(.folio(block: block, word: word)) }
                }
            }
        }
    }

    /// The state `action` leads to from `state`; a fresh symbolic word gets the id `fresh`.
    ///
    /// The result is not canonically renamed; `successors(of:into:)` does that. What §8's mechanisms
    /// add to a step (a writeback copy, a check's condition) is `step(_:from:fresh:)`'s.
    func apply(_ action: ExtentAction, to state: ExtentState, fresh: UInt32) -> ExtentState {
        var next = state
        apply(action, from: state, into: &next, fresh: fresh)
        return next
    }

    /// Applies `action` from `state` to `next`, which holds `state`'s slots on entry: the state it
    /// leads to, built where the caller keeps it (the search reuses one buffer for every successor).
    @inline(__always)
    func apply(_ action: ExtentAction, from state: ExtentState, into next: inout ExtentState, fresh: UInt32) {
        switch action {
        case .writerStep(let writer, let step):
            applyWriterStep(writer, step, from: state, into: &next)

        case .writeback(let block):
            var flags = folio(block, in: state)
            flags.remove(.dirty)
            flags.insert(.writeback)
            next[layout.folioFlags(block)] = flags.rawValue

        case .checksum(let owner, let index):
            let range = range(of: owner, in: state)!
            copy(source(of: owner, range: range, index), of: state, to: .bioChecksum(owner, index: index), in: &next)

        case .transfer(let owner, let mirror, let index):
            let range = range(of: owner, in: state)!
            copy(source(of: owner, range: range, index), of: state, to: .bioReceived(owner, mirror: mirror, index: index), in: &next)

        case .complete(let owner):
            applyCompletion(of: owner, from: state, into: &next)

        case .failedCompletion(let owner):
            // §8: a failing complete stores nothing; otherwise it ends the bio as a successful one does.
            end(owner, from: state, in: &next)

        case .mutate(let mutator, let location, let value):
            next[layout.budget(mutator)] -= 1
            applyMutation(of: location, to: value ?? fresh, from: state, into: &next)

        case .read, .fetch, .check, .repair, .endRead, .scrub:
            applyReadStep(action, from: state, into: &next)

        case .crash:
            applyCrash(from: state, into: &next)
        }
    }

    /// A writer's step: a direct write starts its bio (with a bounce copy of its buffer, or through
    /// the folios where the path is buffered), a buffered write dirties its folios, `fsync` returns.
    @inline(__always)
    private func applyWriterStep(_ writer: Int, _ step: Int, from state: ExtentState, into next: inout ExtentState) {
        switch writers[writer].script[step] {
        case .directWrite(let range):
            switch directIOPath {
            case .buffered:
                writeFolios(range, in: &next)
                setPosition(of: writer, step: step, phase: .awaitingWriteback, in: &next)
            case .direct, .bounce:
                setPosition(of: writer, step: step, phase: .awaitingBio, in: &next)
                if directIOPath == .bounce {
                    for index in 0..<range.blocks {
                        copy(.buffer(range.buffer, block: index), of: state, to: .bounceCopy(writer: writer, index: index), in: &next)
                    }
                }
            }
        case .bufferedWrite(let range):
            writeFolios(range, in: &next)
            setPosition(of: writer, step: step + 1, phase: .ready, in: &next)
        case .fsync:
            setPosition(of: writer, step: step + 1, phase: .ready, in: &next)
        }
    }

    /// A successful `complete`: every mirror of every block stores what it received, with the bio's
    /// checksum or none, and the bio ends.
    @inline(__always)
    private func applyCompletion(of owner: BioOwner, from state: ExtentState, into next: inout ExtentState) {
        let range = range(of: owner, in: state)!
        for (index, block) in range.fileBlocks.enumerated() {
            for mirror in 0..<geometry.mirrors {
                copy(.bioReceived(owner, mirror: mirror, index: index), of: state, to: .stored(block, mirror: mirror), in: &next)
            }
            if checksums(owner) {
                copy(.bioChecksum(owner, index: index), of: state, to: .storedChecksum(block), in: &next)
            } else {
                clear(.storedChecksum(block), in: &next)
            }
        }
        end(owner, from: state, in: &next)
    }

    /// A mutator's change of one word to `word`: a folio it changes becomes dirty.
    @inline(__always)
    private func applyMutation(
        of location: WordLocation, to word: UInt32, from state: ExtentState, into next: inout ExtentState
    ) {
        switch location {
        case .buffer(let buffer, let index):
            next[layout.bufferWord(buffer, index)] = word
        case .folio(let block, let index):
            next[layout.slot(.folio(block), word: index)] = word
            var flags = folio(block, in: state)
            flags.insert(.dirty)
            next[layout.folioFlags(block)] = flags.rawValue
        }
    }

    /// Ends the bio of `owner`: it leaves nothing behind, a writeback bio's folio leaves writeback (its
    /// dirty bit as it is), and the writer waiting for it, or for a clean page cache, continues.
    @inline(__always)
    private func end(_ owner: BioOwner, from state: ExtentState, in next: inout ExtentState) {
        for slot in layout.bioSlots(owner) { next[slot] = StateLayout.none }
        switch owner {
        case .writer(let writer):
            let position = position(of: writer, in: state)
            setPosition(of: writer, step: position.step + 1, phase: .ready, in: &next)
        case .writeback(let block):
            var flags = folio(block, in: state)
            flags.remove(.writeback)
            next[layout.folioFlags(block)] = flags.rawValue
        }
        if isPageCacheClean(next) {
            for writer in writers.indices {
                let position = position(of: writer, in: next)
                if position.phase == .awaitingWriteback {
                    setPosition(of: writer, step: position.step + 1, phase: .ready, in: &next)
                }
            }
        }
    }

    /// Whether a mutator of `buffer` must wait: the policy write-protects user pages, and a direct bio
    /// reads the buffer (§8).
    private func isWriteProtected(_ buffer: Int, in state: ExtentState) -> Bool {
        guard directIOPath == .direct else { return false }
        return writers.indices.contains { writer in
            range(of: .writer(writer), in: state)?.buffer == buffer
        }
    }

    /// Whether a buffered write may fill the folios of `range`: not while one is under
    /// writeback, if the policy keeps folios stable.
    private func canWriteFolios(_ range: IORange, in state: ExtentState) -> Bool {
        !policy.stablePages || range.fileBlocks.allSatisfy { !folio($0, in: state).contains(.writeback) }
    }

    /// Copies the source buffer into the folios of `range` and marks them dirty.
    private func writeFolios(_ range: IORange, in state: inout ExtentState) {
        for (index, block) in range.fileBlocks.enumerated() {
            copy(.buffer(range.buffer, block: index), of: state, to: .folio(block), in: &state)
            var flags = folio(block, in: state)
            flags.formUnion([.cached, .dirty])
            state[layout.folioFlags(block)] = flags.rawValue
        }
    }

    /// Whether no folio is dirty or under writeback.
    func isPageCacheClean(_ state: ExtentState) -> Bool {
        (0..<geometry.blocks).allSatisfy { folio($0, in: state).isDisjoint(with: [.dirty, .writeback]) }
    }

    /// Whether nothing of the file is dirty or in flight: what `fsync` waits for. A read in progress
    /// is not waited for.
    private func isQuiescent(_ state: ExtentState) -> Bool {
        isPageCacheClean(state)
            && writers.indices.allSatisfy { position(of: $0, in: state).phase != .awaitingBio }
    }
}

extension IORange {
    /// Whether the range covers a file block whose bit is set in `blocks`.
    func overlaps(_ blocks: UInt32) -> Bool {
        blocks != 0 && fileBlocks.contains { blocks & (1 << $0) != 0 }
    }
}
