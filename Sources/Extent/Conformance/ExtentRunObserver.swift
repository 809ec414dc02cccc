@_spi(Search) import Explorer

/// How a log of a real run observes an extent model (docs/conformance.md).
///
/// A writer's or reader's call spans its start and its return, and the model's step for it (the
/// writer's script step, the reader's `read` of the call's first block) is atomic: it may come
/// anywhere between the two. So a call's start is a fact that announces the step, the step is then
/// taken with no event, and the return is a fact that needs it taken and the call over. Mutations,
/// writebacks, checksums, completions and crashes are steps their events show (a checksum or
/// completion event, the first of one or more of its kind: btrfs sums and finishes the writeback of
/// contiguous folios at once, the model bio by bio); the device's
/// transfers, a read's fetch, check, repair and end, a scrub, and the checksums of a bio's later
/// blocks are steps no event shows.
struct ExtentRunObserver: RunObserver {
    let system: ExtentModel
    /// The kinds of event the log records every time they happen; steps of other kinds are free.
    let observed: Set<EventKind>

    /// What a path remembers: the calls that have started and whose step is yet to come, the writers
    /// whose last bio completed with an I/O error, and the readers whose call in progress, or last
    /// call, had a block end with EIO.
    struct Memory: Hashable {
        /// The kind of the last event matched when it was a checksum or a completion: until the
        /// next event, more steps of that kind may follow it with no event of their own, since the
        /// kernel sums and completes in one call what the model does bio by bio.
        var continuing: EventKind?
        var announcedWriters: Set<Int> = []
        var announcedReaders: Set<Int> = []
        var announcedMutations: Set<Mutation> = []
        var failedWriters: Set<Int> = []
        var failedReaders: Set<Int> = []
    }

    /// A change of a word by a mutator.
    struct Mutation: Hashable {
        var mutator: Int
        var location: WordLocation
    }

    var initialMemory: Memory { Memory() }

    /// The kind of event that shows `action`, or nil for a step no event shows.
    func kind(of action: ExtentAction, from state: ExtentState) -> EventKind? {
        switch action {
        case .writerStep(let writer, let step): Self.kind(of: system.writers[writer].script[step])
        case .writeback: .writeback
        case .checksum(_, let index): index == 0 ? .checksum : nil
        case .complete, .failedCompletion: .complete
        case .mutate: .mutate
        case .read(let reader):
            system.readPosition(of: reader, in: state).index == 0 ? readKind(of: reader, in: state) : nil
        case .transfer, .fetch, .check, .repair, .endRead, .scrub: nil
        case .crash: .crash
        }
    }

    private static func kind(of step: WriterStep) -> EventKind {
        switch step {
        case .directWrite: .directWrite
        case .bufferedWrite: .write
        case .fsync: .fsync
        }
    }

    private func readKind(of reader: Int, in state: ExtentState) -> EventKind? {
        switch system.currentRead(of: reader, in: state)?.read {
        case .read: .read
        case .directRead: .directRead
        case nil: nil
        }
    }

    func takeUnlogged(_ action: ExtentAction, from state: ExtentState, memory: Memory) -> Memory? {
        var memory = remember(action, from: state, memory: memory)
        guard let kind = kind(of: action, from: state), kind == .crash || observed.contains(kind) else { return memory }
        if kind == memory.continuing { return memory }
        // A call's step, once its start announced it.
        switch action {
        case .writerStep(let writer, _):
            return memory.announcedWriters.remove(writer) == nil ? nil : memory
        case .read(let reader):
            return memory.announcedReaders.remove(reader) == nil ? nil : memory
        case .mutate(let mutator, let location, _):
            return memory.announcedMutations.remove(Mutation(mutator: mutator, location: location)) == nil ? nil : memory
        default:
            return nil
        }
    }

    func take(_ action: ExtentAction, as event: ObservedEvent, from state: ExtentState, memory: Memory) -> Memory? {
        let matches: Bool
        switch (event, action) {
        case (.mutate(let mutator, let location), .mutate(let changer, let changed, _)):
            matches = mutator == changer && location == changed
        case (.writeback(let block), .writeback(let started)):
            matches = block == started
        case (.checksum, .checksum(_, 0)), (.complete, .complete), (.complete, .failedCompletion), (.crash, .crash):
            matches = true
        default:
            matches = false
        }
        guard matches else { return nil }
        var memory = remember(action, from: state, memory: memory)
        memory.continuing = event == .checksum || event == .complete ? event.kind : nil
        return memory
    }

    func pass(_ event: ObservedEvent, in state: ExtentState, memory: Memory) -> Memory? {
        var memory = memory
        memory.continuing = nil
        switch event {
        case .call(let writer, _):
            let position = system.position(of: writer, in: state)
            guard position.phase == .ready, !memory.announcedWriters.contains(writer),
                position.step < system.writers[writer].script.count,
                Self.kind(of: system.writers[writer].script[position.step]) == event.kind
            else { return nil }
            memory.announcedWriters.insert(writer)
        case .returned(let writer, let failed):
            guard system.position(of: writer, in: state).phase == .ready, !memory.announcedWriters.contains(writer),
                memory.failedWriters.contains(writer) == failed
            else { return nil }
        case .readCall(let reader, _):
            let position = system.readPosition(of: reader, in: state)
            guard position.index == 0, !system.readProgress(of: reader, in: state).isReading,
                !memory.announcedReaders.contains(reader), readKind(of: reader, in: state) == event.kind
            else { return nil }
            memory.announcedReaders.insert(reader)
        case .readReturned(let reader, let failed):
            let position = system.readPosition(of: reader, in: state)
            guard position.step > 0, position.index == 0, !system.readProgress(of: reader, in: state).isReading,
                !memory.announcedReaders.contains(reader), memory.failedReaders.contains(reader) == failed
            else { return nil }
        case .directSubmission:
            guard system.writers.indices.contains(where: { system.position(of: $0, in: state).phase == .awaitingBio }) else {
                return nil
            }
        case .mutationStarted(let mutator, let location):
            guard memory.announcedMutations.insert(Mutation(mutator: mutator, location: location)).inserted else { return nil }
        case .mutationEnded(let mutator, let location):
            guard !memory.announcedMutations.contains(Mutation(mutator: mutator, location: location)) else { return nil }
        case .mutate, .writeback, .checksum, .complete, .crash:
            return nil
        }
        return memory
    }

    /// The memory after `action`: a writer's step forgets its last bio's failure, a failed
    /// completion of its bio records one; a reader's call starting forgets its last call's EIO, a
    /// block ending with EIO records one.
    private func remember(_ action: ExtentAction, from state: ExtentState, memory: Memory) -> Memory {
        var memory = memory
        switch action {
        case .writerStep(let writer, _):
            memory.failedWriters.remove(writer)
        case .failedCompletion(.writer(let writer)):
            memory.failedWriters.insert(writer)
        case .read(let reader) where system.readPosition(of: reader, in: state).index == 0:
            memory.failedReaders.remove(reader)
        case .endRead(let reader) where system.readProgress(of: reader, in: state).phase == .failed:
            memory.failedReaders.insert(reader)
        default:
            break
        }
        return memory
    }
}
