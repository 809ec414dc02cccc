extension Simulator {
    /// `path` shrunk while it still violates property `property` (or reaches its example): every
    /// candidate drops one activity's steps, drops one step, or moves a run of one actor's steps back
    /// to the end of its previous run, and is replayed; the first candidate that is enabled throughout and
    /// still violates is taken, until none is. A taken candidate is shorter, or as long with fewer
    /// context switches, so shrinking ends. A Ctrl-C ends it too, with the shortest path so far: every
    /// path it keeps violates the property.
    func shrink(_ path: Path<System.State, System.Action>, property: Int) -> Path<System.State, System.Action> {
        var best = path
        improving: while true {
            for actions in candidates(best.actions) {
                if options.cancellation?.isCancelled == true { return best }
                guard let replayed = replay(actions, from: best.initialState, until: property),
                    replayed.steps.count < best.steps.count
                        || (replayed.steps.count == best.steps.count && replayed.contextSwitches(actor: actor) < best.contextSwitches(actor: actor))
                else { continue }
                best = replayed
                continue improving
            }
            return best
        }
    }

    /// The path of `actions` from `initialState`, ended at the first state or step that violates
    /// property `property`; nil if some action is not enabled where it is taken, or nothing violates.
    @_spi(Search) public func replay(
        _ actions: [System.Action], from initialState: System.State, until property: Int
    ) -> Path<System.State, System.Action>? {
        var path = Path<System.State, System.Action>(initialState: initialState)
        var successors: [(action: System.Action, state: System.State)] = []
        var index = 0
        while true {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            let deadlocked = system.isDeadlocked(path.finalState, successors: successors.count)
            if case .violated = judgement(of: property, atEndOf: path, deadlocked: deadlocked) { return path }
            guard index < actions.count, let next = successors.first(where: { $0.action == actions[index] }) else {
                return nil
            }
            path.steps.append(next)
            index += 1
        }
    }

    private func candidates(_ actions: [System.Action]) -> [[System.Action]] {
        var candidates: [[System.Action]] = []
        var activities: [String] = []
        for action in actions where !activities.contains(activity(action)) { activities.append(activity(action)) }
        for name in activities {
            candidates.append(actions.filter { activity($0) != name })
        }
        for index in actions.indices.reversed() {
            var candidate = actions
            candidate.remove(at: index)
            candidates.append(candidate)
        }
        // Runs of consecutive steps of one actor; moving a run back to the end of its actor's
        // previous run merges the two, one context switch fewer at least.
        var runs: [ArraySlice<System.Action>] = []
        var start = actions.startIndex
        for index in actions.indices.dropFirst() where actor(actions[index]) != actor(actions[index - 1]) {
            runs.append(actions[start..<index])
            start = index
        }
        if !actions.isEmpty { runs.append(actions[start...]) }
        for (index, run) in runs.enumerated() {
            let name = actor(run.first!)
            guard let previous = runs[..<index].lastIndex(where: { actor($0.first!) == name }), previous + 1 < index
            else { continue }
            var moved = runs
            moved.remove(at: index)
            moved.insert(run, at: previous + 1)
            candidates.append(Array(moved.joined()))
        }
        return candidates
    }
}
