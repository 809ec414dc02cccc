extension Workload {
    /// The workloads one reduction smaller than this one, the boldest first: without a mutator,
    /// without a writer, without a step, with one mirror, fewer words, without a file block, with a
    /// shorter or earlier write, with a smaller budget.
    ///
    /// Every candidate is smaller in some dimension and larger in none, so shrinking by taking
    /// candidates ends. Workloads with no writer, or a writer with no step, are never offered.
    public var shrinkCandidates: [Workload] {
        var candidates: [Workload] = []
        for index in mutators.indices {
            var candidate = self
            candidate.mutators.remove(at: index)
            candidates.append(candidate)
        }
        if writers.count > 1 {
            for index in writers.indices { candidates.append(removingWriter(index)) }
        }
        for (writer, script) in writers.enumerated() where script.count > 1 {
            for step in script.indices {
                var candidate = self
                candidate.writers[writer].remove(at: step)
                candidates.append(candidate)
            }
        }
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
        for (writer, script) in writers.enumerated() {
            for (index, step) in script.enumerated() {
                guard let range = step.range else { continue }
                if range.blocks > 1 {
                    var candidate = self
                    candidate.writers[writer][index] = step.with(at: range.at, blocks: range.blocks - 1)
                    candidates.append(candidate)
                }
                if range.at > 0 {
                    var candidate = self
                    candidate.writers[writer][index] = step.with(at: range.at - 1, blocks: range.blocks)
                    candidates.append(candidate)
                }
            }
        }
        for (index, mutator) in mutators.enumerated() where mutator.budget > 1 {
            var candidate = self
            candidate.mutators[index].budget = mutator.budget - 1
            candidates.append(candidate)
        }
        return candidates
    }

    /// The workload without writer `index`, its buffer's mutators, and with later writers' buffers
    /// renumbered.
    private func removingWriter(_ index: Int) -> Workload {
        var candidate = self
        candidate.writers.remove(at: index)
        candidate.mutators = mutators.compactMap { mutator in
            guard case .writerBuffer(let writer) = mutator.target else { return mutator }
            if writer == index { return nil }
            return Mutator(target: .writerBuffer(writer > index ? writer - 1 : writer), budget: mutator.budget)
        }
        return candidate
    }

    /// The workload on a file without block `block`: writes lose that block and later blocks move
    /// down one; a write of that block alone goes. Nil if a script would be left with no step.
    private func removingBlock(_ block: Int) -> Workload? {
        var candidate = self
        candidate.geometry.blocks -= 1
        for writer in writers.indices {
            candidate.writers[writer] = writers[writer].compactMap { step in
                guard let range = step.range else { return step }
                let end = range.at + range.blocks
                let covers = (range.at..<end).contains(block)
                let blocks = range.blocks - (covers ? 1 : 0)
                guard blocks > 0 else { return nil }
                return step.with(at: range.at > block ? range.at - 1 : range.at, blocks: blocks)
            }
            if candidate.writers[writer].isEmpty { return nil }
        }
        return candidate
    }
}
