@_spi(Search) import Explorer

/// How a log of a real run observes an extent model (docs/conformance.md): the steps of the kinds
/// the log records are matched by events, the others are taken freely; a writer's or reader's
/// return and a direct submission are facts of the state.
struct ExtentRunObserver: RunObserver {
    let system: ExtentModel
    /// The kinds of event the log records every time they happen.
    let observed: Set<ObservedEvent.Kind>

    /// What a path remembers: the writers whose last bio completed with an I/O error, and the
    /// readers whose call in progress, or last call, had a block end with EIO.
    struct Memory: Hashable {
        var failedWriters: Set<Int> = []
        var failedReaders: Set<Int> = []
    }

    var initialMemory: Memory { Memory() }

    func isFact(_ event: ObservedEvent) -> Bool { event.isFact }

    /// The kind of event that shows `action`, or nil for a step no event shows: the device's
    /// transfers, a read's fetch, check and repair, a scrub, the checksums of a bio's later blocks,
    /// the reads of a call's later blocks, and the end of a read (its return is a fact).
    func kind(of action: ExtentAction, from state: ExtentState) -> ObservedEvent.Kind? {
        switch action {
        case .writerStep(let writer, let step):
            switch system.writers[writer].script[step] {
            case .directWrite: .directWrite
            case .bufferedWrite: .write
            case .fsync: .fsync
            }
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

    private func readKind(of reader: Int, in state: ExtentState) -> ObservedEvent.Kind? {
        switch system.currentRead(of: reader, in: state)?.read {
        case .read: .read
        case .directRead: .directRead
        case nil: nil
        }
    }

    func isObserved(_ action: ExtentAction, from state: ExtentState) -> Bool {
        guard let kind = kind(of: action, from: state) else { return false }
        return kind == .crash || observed.contains(kind)
    }

    func holds(_ event: ObservedEvent, in state: ExtentState, memory: Memory) -> Bool {
        switch event {
        case .returned(let writer, let failed):
            return system.position(of: writer, in: state).phase == .ready && memory.failedWriters.contains(writer) == failed
        case .readReturned(let reader, let failed):
            let position = system.readPosition(of: reader, in: state)
            return position.step > 0 && position.index == 0 && !system.readProgress(of: reader, in: state).isReading
                && memory.failedReaders.contains(reader) == failed
        case .directSubmission:
            return system.writers.indices.contains { system.position(of: $0, in: state).phase == .awaitingBio }
        default:
            return false
        }
    }

    func matches(_ event: ObservedEvent, _ action: ExtentAction, from state: ExtentState, memory: Memory) -> Bool {
        switch (event, action) {
        case (.call(let writer, _), .writerStep(let stepper, _)):
            return writer == stepper && event.kind == kind(of: action, from: state)
        case (.mutate(let mutator, let location), .mutate(let changer, let changed, _)):
            return mutator == changer && location == changed
        case (.readCall(let reader, _), .read(let starter)):
            return reader == starter && event.kind == kind(of: action, from: state)
        case (.writeback(let block), .writeback(let started)):
            return block == started
        case (.checksum, .checksum), (.complete, .complete), (.complete, .failedCompletion), (.crash, .crash):
            return true
        default:
            return false
        }
    }

    func remember(_ action: ExtentAction, from state: ExtentState, memory: Memory) -> Memory {
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
