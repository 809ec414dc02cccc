public import Extent

extension Workload {
    /// The blocks of writer `writer`'s buffer: the most any of its writes takes, at least 1.
    public func bufferBlocks(of writer: Int) -> Int {
        writers[writer].compactMap { $0.range?.blocks }.max() ?? 1
    }

    /// The scenario of this workload, checked under `policies` for `invariants`, with symbolic data.
    ///
    /// Its buffers are the writers' (`buffer-1`, …), then those of the readers whose read is a
    /// `dio-read` (`read-buffer-N` for reader N); its actors the writers, mutators, readers and
    /// the scrubber, in that order. A mutator of a reader without a buffer names no buffer, and
    /// the scenario fails validation.
    public func scenario(
        named name: String, about: String = "", policies: [Policy], invariants: [ExtentProperty]
    ) -> Scenario {
        var buffers = writers.indices.map { Buffer(name: "buffer-\($0 + 1)", blocks: bufferBlocks(of: $0)) }
        var readBuffers: [Int: Int] = [:]
        for (index, read) in readers.enumerated() where read.isDirect {
            readBuffers[index] = buffers.count
            buffers.append(Buffer(name: "read-buffer-\(index + 1)", blocks: read.range.blocks))
        }
        var actors: [Scenario.Actor] = writers.enumerated().map { index, script in
            .writer("writer-\(index + 1)", script.map { $0.writerStep(buffer: index) })
        }
        actors += mutators.enumerated().map { index, mutator in
            let target: MutationTarget =
                switch mutator.target {
                case .writerBuffer(let writer): .buffer(writer)
                case .readerBuffer(let reader): .buffer(readBuffers[reader] ?? buffers.count)
                case .pageCache: .pageCache
                }
            return .mutator("mutator-\(index + 1)", target: target, budget: mutator.budget)
        }
        actors += readers.enumerated().map { index, read in
            let step: ReaderStep =
                switch read {
                case .read(let at, let blocks): .read(at: at, blocks: blocks)
                case .directRead(let at, let blocks):
                    .directRead(IORange(buffer: readBuffers[index] ?? buffers.count, at: at, blocks: blocks))
                }
            return .reader("reader-\(index + 1)", [step])
        }
        if scrub { actors.append(.scrubber("scrubber", passes: 1)) }
        return Scenario(
            name: name, about: about, geometry: geometry, buffers: buffers, actors: actors, policies: policies,
            invariants: invariants)
    }

    /// The number of steps of all writers' scripts.
    public var steps: Int { writers.map(\.count).reduce(0, +) }

    /// The sum of all mutators' budgets.
    public var budgets: Int { mutators.map(\.budget).reduce(0, +) }
}

extension Workload.Step {
    /// The step as the scenario's writer of buffer `buffer` takes it.
    func writerStep(buffer: Int) -> WriterStep {
        switch self {
        case .directWrite(let at, let blocks): .directWrite(IORange(buffer: buffer, at: at, blocks: blocks))
        case .bufferedWrite(let at, let blocks): .bufferedWrite(IORange(buffer: buffer, at: at, blocks: blocks))
        case .fsync: .fsync
        }
    }
}
