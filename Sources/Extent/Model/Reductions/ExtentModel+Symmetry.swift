@_spi(Search) package import Explorer

extension ExtentModel {
    /// Makes `state` the one state the search keeps for it: its variables renamed in order of first
    /// appearance and, under symmetry, the least of its renamings of writers, buffers and mutators,
    /// slot by slot.
    @inline(__always)
    func represent(_ state: inout ExtentState) {
        canonicalize(&state)
        if let symmetry = shape.symmetry { leastRenaming(of: &state, symmetry) }
    }

    /// A run of the model along `path`, a path of the reduced search: its states are the run's, each
    /// renamed. Every step of the run is a step of the unreduced model, so replay and trace files
    /// follow it. Without symmetry, `path` itself.
    package func unreducedPath(_ path: Path<ExtentState, ExtentAction>) -> Path<ExtentState, ExtentAction> {
        guard shape.symmetry != nil else { return path }
        // The initial states are closed under renaming, so the path's first state is one of them.
        var state = path.initialState
        var steps: [(action: ExtentAction, state: ExtentState)] = []
        for (_, target) in path.steps {
            var taken: (action: ExtentAction, state: ExtentState)?
            forEachSuccessor(of: state, reduced: false) { action, next in
                guard taken == nil else { return }
                var representative = next
                represent(&representative)
                if representative == target { taken = (action, next) }
            }
            guard let taken else { preconditionFailure("a step of a reduced path has no counterpart in the model") }
            steps.append(taken)
            state = taken.state
        }
        return Path(initialState: path.initialState, steps: steps)
    }

    @inline(never)
    private func leastRenaming(of state: inout ExtentState, _ symmetry: Symmetry) {
        sortBudgets(of: &state, symmetry)
        guard !symmetry.renamings.isEmpty else { return }
        let original = state
        var candidate = original
        for renaming in symmetry.renamings {
            candidate.overwrite(with: original)
            rename(original, by: renaming, into: &candidate)
            sortBudgets(of: &candidate, symmetry)
            canonicalize(&candidate)
            if candidate.slots.lexicographicallyPrecedes(state.slots) { state.overwrite(with: candidate) }
        }
    }

    /// Writes `state`'s records of writers, their bios, buffers and mutators into `next` (which
    /// holds `state` on entry) at the places `renaming` sends them.
    private func rename(_ state: ExtentState, by renaming: Symmetry.Renaming, into next: inout ExtentState) {
        for (from, to) in renaming.writers.enumerated() where from != to {
            next[layout.writer(to)] = state[layout.writer(from)]
            let (source, target) = (layout.bioSlots(.writer(from)), layout.bioSlots(.writer(to)))
            for offset in 0..<source.count { next[target.lowerBound + offset] = state[source.lowerBound + offset] }
        }
        for (from, to) in renaming.buffers.enumerated() where from != to {
            for word in 0..<(scenario.buffers[from].blocks * geometry.blockWords) {
                next[layout.bufferWord(to, word)] = state[layout.bufferWord(from, word)]
            }
        }
        for (from, to) in renaming.mutators.enumerated() where from != to {
            next[layout.budget(to)] = state[layout.budget(from)]
        }
    }

    /// Puts the budgets of each group of interchangeable mutators in ascending order.
    private func sortBudgets(of state: inout ExtentState, _ symmetry: Symmetry) {
        for group in symmetry.mutatorClasses {
            let budgets = group.map { state[layout.budget($0)] }.sorted()
            for (mutator, budget) in zip(group, budgets) { state[layout.budget(mutator)] = budget }
        }
    }
}
