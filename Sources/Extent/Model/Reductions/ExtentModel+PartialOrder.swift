extension ExtentModel {
    /// Steps a partial-order reduction takes alone from a state: they commute with every step any
    /// other actor can take from there on, and none of them changes what an invariant reads. Readers'
    /// and scrubbers' steps are never taken alone.
    enum AmpleSet {
        /// A bio's `checksum` or `transfer` from a source no other actor can write while it is in
        /// flight, or the flusher's `writeback` of a folio no one can write any more.
        case step(ExtentAction)
        /// Every change the mutators of a buffer can make, once no one will read the buffer again.
        case mutations(ofBuffer: Int)

        func contains(_ action: ExtentAction, in model: ExtentModel) -> Bool {
            switch (self, action) {
            case (.step(let step), _): step == action
            case (.mutations(let buffer), .mutate(let mutator, _, _)): model.mutators[mutator].target == .buffer(buffer)
            case (.mutations, _): false
            }
        }
    }

    /// The steps a partial-order reduction takes alone from `state`, if there are any.
    ///
    /// A bio's `checksum` or `transfer` reads one block of its source and writes only the bio's own
    /// record, which no property and no other actor's step reads; it stays enabled until it runs,
    /// and its bio's `complete` waits for it. When no one else can write its source while the bio
    /// is in flight (a bounce or writeback copy, a folio kept stable under writeback, a
    /// write-protected buffer, a buffer whose mutators are spent), it commutes with every other
    /// actor's step. A `writeback` changes only its folio's flags, which no invariant reads; once no
    /// writer or mutator can write that folio, only its own bio's steps, which it enables, depend on
    /// it, unless a reader or scrubber has steps to come, which the writeback's bio would stop. A
    /// buffer no writer, bio or reader will read again is written only by its mutators, and read by no
    /// one. Readers' and scrubbers' steps run only while no bio is in flight, so they never interleave
    /// with a bio's `checksum` or `transfer`. So each is an ample set: every run from `state` has one as long that starts with one of
    /// its steps and meets the same invariant violations and deadlocks. Every step advances a
    /// writer, reader or scrubber, spends a mutator's budget, or moves a folio or a bio on, so no run
    /// comes back to a state, and the reduction needs no cycle proviso.
    ///
    /// While a crash may still happen, no step is taken alone: a crash drops what a step would have
    /// done, or keeps it on the media, so it commutes with none of them (§10).
    func ampleSet(in state: ExtentState) -> AmpleSet? {
        guard crashesLeft(in: state) == 0 else { return nil }
        for owner in bioOwners {
            guard let range = range(of: owner, in: state), readsStableSource(owner, range: range, in: state) else { continue }
            if checksums(owner) {
                if let index = (0..<range.blocks).first(where: { isEmpty(.bioChecksum(owner, index: $0), in: state) }) {
                    return .step(.checksum(owner, index: index))
                }
            }
            for mirror in 0..<geometry.mirrors {
                for index in 0..<range.blocks where isEmpty(.bioReceived(owner, mirror: mirror, index: index), in: state) {
                    return .step(.transfer(owner, mirror: mirror, index: index))
                }
            }
        }
        // A writeback starts a bio, which stops every reader and scrubber until it completes.
        for block in 0..<geometry.blocks where !mayReadOrScrub(in: state) {
            let flags = folio(block, in: state)
            if flags.contains(.dirty), !flags.contains(.writeback), !mayWriteFolio(block, in: state) {
                return .step(.writeback(block: block))
            }
        }
        for (mutator, description) in mutators.enumerated() where state[layout.budget(mutator)] > 0 {
            if case .buffer(let buffer) = description.target, !mayRead(buffer, in: state) {
                return .mutations(ofBuffer: buffer)
            }
        }
        return nil
    }

    /// Whether no actor can write what the bio of `owner` reads, for as long as it is in flight.
    private func readsStableSource(_ owner: BioOwner, range: IORange, in state: ExtentState) -> Bool {
        switch owner {
        case .writer:
            if directIOPath == .bounce || shape.writeProtectsBuffers { return true }
            return !mutators.indices.contains { mutator in
                mutators[mutator].target == .buffer(range.buffer) && state[layout.budget(mutator)] > 0
            }
        case .writeback(let block):
            return layout.writebackCopies || policy.stablePages || !mayWriteFolio(block, in: state)
        }
    }

    /// Whether a mutator or a writer's step not yet taken may write the folio of file block `block`.
    private func mayWriteFolio(_ block: Int, in state: ExtentState) -> Bool {
        let mutates = mutators.indices.contains { mutator in
            mutators[mutator].target == .pageCache && state[layout.budget(mutator)] > 0
        }
        return mutates || writers.indices.contains { writer in
            stepsToCome(of: writer, in: state).contains { step in
                switch step {
                case .bufferedWrite(let range): range.fileBlocks.contains(block)
                case .directWrite(let range): directIOPath == .buffered && range.fileBlocks.contains(block)
                case .fsync: false
                }
            }
        }
    }

    /// Whether a reader or a scrubber has a step to come.
    private func mayReadOrScrub(in state: ExtentState) -> Bool {
        readers.indices.contains { currentRead(of: $0, in: state) != nil }
            || scrubbers.indices.contains { state[layout.scrubberPosition($0)] < scrubbedBlocks(by: $0) }
    }

    /// Whether a writer's step not yet taken, a direct bio in flight, or an O_DIRECT read not yet
    /// ended may read (or land in) buffer `buffer`.
    private func mayRead(_ buffer: Int, in state: ExtentState) -> Bool {
        let readInto = readers.indices.contains { reader in
            let position = readPosition(of: reader, in: state)
            return readers[reader].script.dropFirst(position.step).contains { read in
                if case .directRead(let range) = read { range.buffer == buffer } else { false }
            }
        }
        return readInto || writers.indices.contains { writer in
            if directIOPath == .direct, range(of: .writer(writer), in: state)?.buffer == buffer { return true }
            return stepsToCome(of: writer, in: state).contains { step in
                switch step {
                case .directWrite(let range), .bufferedWrite(let range): range.buffer == buffer
                case .fsync: false
                }
            }
        }
    }

    /// The steps of a writer's script it has not started: none once a crash has stopped it.
    private func stepsToCome(of writer: Int, in state: ExtentState) -> ArraySlice<WriterStep> {
        let position = position(of: writer, in: state)
        let script = writers[writer].script
        guard position.phase != .stopped else { return [] }
        return script[min(script.count, position.phase == .ready ? position.step : position.step + 1)...]
    }
}
