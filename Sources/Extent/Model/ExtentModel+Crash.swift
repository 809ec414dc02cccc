/// The crash of §10: power lost at any step, then the next mount.
///
/// A model whose scenario has no crashes has no slot for them and never takes the step: its states
/// and counts are those of §7 and §8.
extension ExtentModel {
    /// The crashes that may still happen in `state`.
    @inline(__always)
    func crashesLeft(in state: ExtentState) -> Int {
        layout.crashes == 0 ? 0 : layout.crashes - Int(state[layout.crashSlot])
    }

    /// The crashes `state` has been through.
    func crashesTaken(in state: ExtentState) -> Int {
        layout.crashes == 0 ? 0 : Int(state[layout.crashSlot])
    }

    /// Whether `state`, in which `successors` steps are enabled, is a deadlock: no step other than a
    /// crash is enabled, and a writer, reader or scrubber has not finished. A crash still possible
    /// hides no deadlock (§10).
    @_spi(Search) public func isDeadlocked(_ state: ExtentState, successors: Int) -> Bool {
        // Asked of every state: most have more steps than a crash.
        guard successors <= 1 else { return false }
        return successors == (crashesLeft(in: state) > 0 ? 1 : 0) && !isFinished(state)
    }

    /// A crash from `state` into `next`, which holds `state`'s slots: every bio in flight is dropped,
    /// but under `overwrite: in-place` what it transferred is on the media; every folio is dropped;
    /// under `crash-recovery: resync` the first mirror is copied over the others; writers stop where
    /// they are, mutators with them; a read in progress starts again from its first block, over
    /// what the crash left; scrubbers go on.
    func applyCrash(from state: ExtentState, into next: inout ExtentState) {
        for owner in bioOwners {
            guard let range = range(of: owner, in: state) else { continue }
            if policy.overwrite == .inPlace { storeTransfers(of: owner, range: range, from: state, into: &next) }
            for slot in layout.bioSlots(owner) { next[slot] = StateLayout.none }
        }
        for block in 0..<geometry.blocks {
            next[layout.folioFlags(block)] = FolioFlags().rawValue
            clear(.folio(block), in: &next)
        }
        if policy.crashRecovery == .resync {
            for block in 0..<geometry.blocks {
                for mirror in 1..<geometry.mirrors {
                    copy(.stored(block, mirror: 0), of: next, to: .stored(block, mirror: mirror), in: &next)
                }
            }
        }
        stopWritersAndMutators(in: &next)
        restartReads(in: &next)
        next[layout.crashSlot] += 1
    }

    /// The transfers the bio of `owner` made, each on its mirror's copy of its block; the stored
    /// checksum stays as it was.
    private func storeTransfers(of owner: BioOwner, range: IORange, from state: ExtentState, into next: inout ExtentState) {
        for (block, mirror) in transfersMade(by: owner, range: range, in: state) {
            let index = block - range.at
            copy(.bioReceived(owner, mirror: mirror, index: index), of: state, to: .stored(block, mirror: mirror), in: &next)
        }
    }

    /// Every writer that has not finished stops at the step it is at; every mutator's budget is spent.
    private func stopWritersAndMutators(in state: inout ExtentState) {
        for writer in writers.indices {
            let position = position(of: writer, in: state)
            guard position.step < writers[writer].script.count else { continue }
            setPosition(of: writer, step: position.step, phase: .stopped, in: &state)
        }
        for mutator in mutators.indices { state[layout.budget(mutator)] = 0 }
    }

    /// Every reader in a read call goes back to the call's first block, with no device read in
    /// progress: the call had not returned, so it runs again after the mount.
    private func restartReads(in state: inout ExtentState) {
        for reader in readers.indices {
            let position = readPosition(of: reader, in: state)
            guard position.step < readers[reader].script.count else { continue }
            setReadPosition(of: reader, step: position.step, index: 0, in: &state)
            state[layout.readerProgress(reader)] = ReadProgress().slot
            clear(.readerPage(reader), in: &state)
        }
    }
}

extension ExtentModel {
    /// The actor a trace names for a crash.
    static let powerActor = "power"

    /// A crash from `state` in words: each bio it drops and, under `overwrite: in-place`, the
    /// transfers of it that stay on the media; the dirty folios it loses; the resync; who stops.
    func describeCrash(in state: ExtentState) -> String {
        var parts: [String] = []
        for owner in bioOwners {
            guard let range = range(of: owner, in: state) else { continue }
            let kept = policy.overwrite == .inPlace ? transfersMade(by: owner, range: range, in: state) : []
            let onMedia = kept.map { "mirror \($0.mirror) block \($0.block)" }.joined(separator: ", ")
            parts.append("\(name(of: owner)) dropped" + (kept.isEmpty ? "" : ", on the media: \(onMedia)"))
        }
        let dirty = (0..<geometry.blocks).filter { folio($0, in: state).contains(.dirty) }
        if !dirty.isEmpty {
            parts.append("dirty \(dirty.count == 1 ? "folio" : "folios") \(dirty.map(String.init).joined(separator: ", ")) lost")
        }
        if policy.crashRecovery == .resync, geometry.mirrors > 1 { parts.append("resync: mirror 0 copied over the others") }
        let stopping = writers.indices.filter { position(of: $0, in: state).step < writers[$0].script.count }
            .map { writers[$0].name } + mutators.indices.filter { state[layout.budget($0)] > 0 }.map { mutators[$0].name }
        if !stopping.isEmpty { parts.append("\(stopping.joined(separator: ", ")) \(stopping.count == 1 ? "stops" : "stop")") }
        return "crash" + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))")
    }

    /// The transfers the bio of `owner` has made in `state`, as file block and mirror.
    func transfersMade(by owner: BioOwner, range: IORange, in state: ExtentState) -> [(block: Int, mirror: Int)] {
        range.fileBlocks.enumerated().flatMap { index, block in
            (0..<geometry.mirrors).filter { !isEmpty(.bioReceived(owner, mirror: $0, index: index), in: state) }
                .map { (block: block, mirror: $0) }
        }
    }
}
