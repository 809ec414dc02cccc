extension Workload {
    /// The workloads one reduction smaller than this one, the boldest first: without a mutator,
    /// without a reader, without the scrubber, without a writer, without a step, with a write made an
    /// `fsync`, with a `dio-read` made a buffered read, with one mirror, fewer words, without a file block, with a shorter or
    /// earlier write or read, with a smaller budget.
    ///
    /// Every candidate is smaller in some dimension and larger in none, so shrinking by taking
    /// candidates ends. Workloads with no writer, or a writer with no step, are never offered.
    public var shrinkCandidates: [Workload] {
        var candidates = actorRemovals
        for (writer, script) in writers.enumerated() where script.count > 1 {
            for step in script.indices {
                var candidate = self
                candidate.writers[writer].remove(at: step)
                candidates.append(candidate)
            }
        }
        // A write made an `fsync`: the step stays, and it moves no block.
        for (writer, script) in writers.enumerated() {
            for (index, step) in script.enumerated() where step.range != nil {
                var candidate = self
                candidate.writers[writer][index] = .fsync
                candidates.append(candidate)
            }
        }
        for (index, read) in readers.enumerated() where read.isDirect {
            var candidate = droppingMutators(ofReader: index)
            candidate.readers[index] = .read(at: read.range.at, blocks: read.range.blocks)
            candidates.append(candidate)
        }
        candidates += geometryReductions + rangeReductions
        for (index, mutator) in mutators.enumerated() where mutator.budget > 1 {
            var candidate = self
            candidate.mutators[index].budget = mutator.budget - 1
            candidates.append(candidate)
        }
        return candidates
    }

    /// The workloads one reduction smaller than this one within `bounds`: `shrinkCandidates`, and
    /// after the workloads with an actor fewer, those with a mutator replaced by one more write in a
    /// writer's script, and those with two writers made one, where the bounds leave the script room.
    /// A writer that rewrites what it wrote is often the same race as a mutator or a second writer,
    /// with one actor fewer.
    ///
    /// Every candidate has fewer actors, or as many and is smaller in some dimension and larger in
    /// none, so shrinking by taking candidates ends.
    public func shrinkCandidates(within bounds: WorkloadBounds) -> [Workload] {
        var candidates = shrinkCandidates
        let removals = actorRemovals.count
        candidates.insert(contentsOf: mutatorReplacements(within: bounds) + writerMerges(within: bounds), at: removals)
        return candidates
    }

    /// Each pair of writers made one, the script of one followed by the other's, where the bounds
    /// leave room; the mutators of either's buffer change the merged writer's.
    private func writerMerges(within bounds: WorkloadBounds) -> [Workload] {
        var candidates: [Workload] = []
        for first in writers.indices {
            for second in writers.indices where second != first && writers[first].count + writers[second].count <= bounds.scriptSteps {
                var candidate = removingWriter(second, keepingMutators: true)
                let merged = second < first ? first - 1 : first
                candidate.writers[merged] = writers[first] + writers[second]
                candidate.mutators = candidate.mutators.map { mutator in
                    guard mutator.target == .writerBuffer(writers.count - 1) else { return mutator }
                    return Mutator(target: .writerBuffer(merged), budget: mutator.budget)
                }
                candidates.append(candidate)
            }
        }
        return candidates
    }

    /// Each mutator replaced by a write, of each kind and range, at each place in each script with
    /// room for one more step within `bounds`: a write that changes what an earlier one wrote needs
    /// the data of another block of the writer's buffer, so the file may grow to the bounds' blocks.
    private func mutatorReplacements(within bounds: WorkloadBounds) -> [Workload] {
        var candidates: [Workload] = []
        for mutator in mutators.indices {
            for blocks in geometry.blocks...max(geometry.blocks, bounds.blocks) {
                var without = self
                without.mutators.remove(at: mutator)
                without.geometry.blocks = blocks
                let ranges = (1...blocks).flatMap { count in (0...(blocks - count)).map { (at: $0, blocks: count) } }
                let writes = ranges.flatMap { [Step.directWrite(at: $0.at, blocks: $0.blocks), .bufferedWrite(at: $0.at, blocks: $0.blocks)] }
                for (writer, script) in writers.enumerated() where script.count < bounds.scriptSteps {
                    for place in 0...script.count {
                        for write in writes {
                            var candidate = without
                            candidate.writers[writer].insert(write, at: place)
                            candidates.append(candidate)
                        }
                    }
                }
            }
        }
        return candidates
    }

    /// The workloads with one actor fewer: each mutator, each reader, the scrubber, and each writer
    /// (while more than one is left).
    private var actorRemovals: [Workload] {
        var candidates: [Workload] = []
        for index in mutators.indices {
            var candidate = self
            candidate.mutators.remove(at: index)
            candidates.append(candidate)
        }
        candidates += readers.indices.map(removingReader)
        if scrub {
            var candidate = self
            candidate.scrub = false
            candidates.append(candidate)
        }
        if writers.count > 1 {
            for index in writers.indices { candidates.append(removingWriter(index)) }
        }
        return candidates
    }

    /// The workloads with one mirror, fewer words, or one file block fewer.
    private var geometryReductions: [Workload] {
        var candidates: [Workload] = []
        if geometry.mirrors > 1 {
            var candidate = self
            candidate.geometry.mirrors = 1
            candidates.append(candidate)
        }
        if geometry.blockWords > 1 {
            var candidate = self
            candidate.geometry.blockWords = 1
            candidates.append(candidate)
            if geometry.blockWords > 2 {
                candidate.geometry.blockWords = geometry.blockWords - 1
                candidates.append(candidate)
            }
        }
        if geometry.blocks > 1 {
            candidates += (0..<geometry.blocks).compactMap(removingBlock)
        }
        return candidates
    }

    /// The workloads with one write, then one read, a block shorter or a block earlier.
    private var rangeReductions: [Workload] {
        var candidates: [Workload] = []
        for (writer, script) in writers.enumerated() {
            for (index, step) in script.enumerated() {
                guard let range = step.range else { continue }
                for (at, blocks) in Self.smallerRanges(range) {
                    var candidate = self
                    candidate.writers[writer][index] = step.with(at: at, blocks: blocks)
                    candidates.append(candidate)
                }
            }
        }
        for (index, read) in readers.enumerated() {
            for (at, blocks) in Self.smallerRanges(read.range) {
                var candidate = self
                candidate.readers[index] = read.with(at: at, blocks: blocks)
                candidates.append(candidate)
            }
        }
        return candidates
    }

    /// The range one block shorter, if it has more than one, and the range one block earlier, if it
    /// does not start the file.
    private static func smallerRanges(_ range: (at: Int, blocks: Int)) -> [(at: Int, blocks: Int)] {
        (range.blocks > 1 ? [(range.at, range.blocks - 1)] : []) + (range.at > 0 ? [(range.at - 1, range.blocks)] : [])
    }

    /// The workload without writer `index` and with later writers' buffers renumbered; the mutators
    /// of its buffer go, or, `keepingMutators`, are given the last writer's index, to be placed.
    private func removingWriter(_ index: Int, keepingMutators: Bool = false) -> Workload {
        var candidate = self
        candidate.writers.remove(at: index)
        candidate.mutators = mutators.compactMap { mutator in
            guard case .writerBuffer(let writer) = mutator.target else { return mutator }
            if writer == index {
                return keepingMutators ? Mutator(target: .writerBuffer(writers.count - 1), budget: mutator.budget) : nil
            }
            return Mutator(target: .writerBuffer(writer > index ? writer - 1 : writer), budget: mutator.budget)
        }
        return candidate
    }

    /// The workload without reader `index`, the mutators of its buffer, and with later readers'
    /// buffers renumbered.
    private func removingReader(_ index: Int) -> Workload {
        var candidate = droppingMutators(ofReader: index)
        candidate.readers.remove(at: index)
        candidate.mutators = candidate.mutators.map { mutator in
            guard case .readerBuffer(let reader) = mutator.target, reader > index else { return mutator }
            return Mutator(target: .readerBuffer(reader - 1), budget: mutator.budget)
        }
        return candidate
    }

    /// The workload without the mutators of reader `index`'s buffer.
    private func droppingMutators(ofReader index: Int) -> Workload {
        var candidate = self
        candidate.mutators.removeAll { $0.target == .readerBuffer(index) }
        return candidate
    }

    /// The workload on a file without block `block`: writes and reads lose that block and later
    /// blocks move down one; a write of that block alone goes. Nil if a script would be left with no
    /// step, or a reader with no block to read.
    private func removingBlock(_ block: Int) -> Workload? {
        func without(_ range: (at: Int, blocks: Int)) -> (at: Int, blocks: Int)? {
            let covers = (range.at..<(range.at + range.blocks)).contains(block)
            let blocks = range.blocks - (covers ? 1 : 0)
            return blocks > 0 ? (range.at > block ? range.at - 1 : range.at, blocks) : nil
        }
        var candidate = self
        candidate.geometry.blocks -= 1
        for writer in writers.indices {
            candidate.writers[writer] = writers[writer].compactMap { step in
                guard let range = step.range else { return step }
                return without(range).map { step.with(at: $0.at, blocks: $0.blocks) }
            }
            if candidate.writers[writer].isEmpty { return nil }
        }
        for (index, read) in readers.enumerated() {
            guard let range = without(read.range) else { return nil }
            candidate.readers[index] = read.with(at: range.at, blocks: range.blocks)
        }
        return candidate
    }
}
