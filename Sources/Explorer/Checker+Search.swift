import DequeModule

extension Checker {
    /// Where a property was first found violated, by the keys of the seen set.
    private enum Violation<Key> {
        /// At the state with this key.
        case state(Key)
        /// At the transition number `index` among the successors of the state with key `source`.
        case transition(source: Key, index: Int)
    }

    /// What the search has learnt of one property so far.
    private struct Finding<Key> {
        var violation: Violation<Key>?
        var unknownReason: String?
    }

    /// The search itself, over a seen set keyed by `key`: fingerprints or whole states.
    func search<Key: Hashable>(key: (System.State) -> Key) -> SearchOutcome<System.State, System.Action> {
        let clock = ContinuousClock()
        let start = clock.now
        var lastProgress = start
        var statistics = SearchStatistics()
        var limit: SearchLimit?

        // Every seen state's key maps to its parent's key; an initial state maps to itself.
        var parents: [Key: Key] = [:]
        var frontier = Deque<(state: System.State, depth: Int)>()
        var findings = [Finding<Key>](repeating: Finding(), count: properties.count)
        var successors: [(action: System.Action, state: System.State)] = []

        func judgeState(_ state: System.State, key stateKey: Key) {
            for (index, property) in properties.enumerated() where findings[index].violation == nil {
                guard case .always(let judge) = property.condition else { continue }
                record(judge(state), at: .state(stateKey), in: &findings[index])
            }
        }

        func elapsed() -> Duration { clock.now - start }

        search: do {
            for state in system.initialStates() {
                let stateKey = key(state)
                guard parents[stateKey] == nil else { continue }
                if let maxStates = options.maxStates, parents.count >= maxStates {
                    limit = .maxStates(maxStates)
                    break search
                }
                parents[stateKey] = stateKey
                statistics.initialStates += 1
                judgeState(state, key: stateKey)
                frontier.append((state, 0))
            }

            var expansions = 0
            while let (state, depth) = options.strategy == .breadthFirst ? frontier.popFirst() : frontier.popLast() {
                expansions += 1
                if expansions & 0xFF == 0 {
                    let now = clock.now
                    if let timeout = options.timeout, now - start >= timeout {
                        limit = .timeout(timeout)
                        break search
                    }
                    if let progress = options.progress, now - lastProgress >= options.progressInterval {
                        lastProgress = now
                        statistics.states = parents.count
                        statistics.seconds = Double(elapsed())
                        progress(statistics)
                    }
                }

                let stateKey = key(state)
                successors.removeAll(keepingCapacity: true)
                system.successors(of: state, into: &successors)

                if successors.isEmpty, !system.isFinished(state) {
                    for (index, property) in properties.enumerated() where findings[index].violation == nil {
                        if case .noDeadlock = property.condition {
                            findings[index].violation = .state(stateKey)
                        }
                    }
                }
                if let maxDepth = options.maxDepth, depth >= maxDepth {
                    if !successors.isEmpty { limit = .maxDepth(maxDepth) }
                    continue
                }

                for (index, successor) in successors.enumerated() {
                    statistics.transitions += 1
                    for (propertyIndex, property) in properties.enumerated()
                    where findings[propertyIndex].violation == nil {
                        guard case .alwaysOnTransition(let judge) = property.condition else { continue }
                        record(
                            judge(state, successor.action, successor.state),
                            at: .transition(source: stateKey, index: index),
                            in: &findings[propertyIndex])
                    }

                    let successorKey = key(successor.state)
                    guard parents[successorKey] == nil else { continue }
                    if let maxStates = options.maxStates, parents.count >= maxStates {
                        limit = .maxStates(maxStates)
                        break search
                    }
                    parents[successorKey] = stateKey
                    statistics.maxDepth = max(statistics.maxDepth, depth + 1)
                    judgeState(successor.state, key: successorKey)
                    frontier.append((successor.state, depth + 1))
                }
            }
        }

        statistics.states = parents.count
        statistics.seconds = Double(elapsed())

        let verdicts = properties.indices.map { index in
            let finding = findings[index]
            let verdict: PropertyVerdict<System.State, System.Action>
            if let violation = finding.violation {
                verdict = .violated(path(to: violation, parents: parents, key: key))
            } else if let reason = finding.unknownReason {
                verdict = .unknown(reason: reason)
            } else if let limit {
                verdict = .unknown(reason: "limit \(limit) reached before every state was explored")
            } else {
                verdict = .holds
            }
            return (properties[index].name, verdict)
        }
        return SearchOutcome(verdicts: verdicts, statistics: statistics, limit: limit)
    }

    private func record<Key>(_ judgement: Judgement, at violation: Violation<Key>, in finding: inout Finding<Key>) {
        switch judgement {
        case .holds: break
        case .violated: finding.violation = violation
        case .unknown(let reason): finding.unknownReason = finding.unknownReason ?? reason
        }
    }

    /// Rebuilds the path to a violation by walking the seen set back to an
    /// initial state and replaying the system forward along those keys.
    private func path<Key: Hashable>(
        to violation: Violation<Key>, parents: [Key: Key], key: (System.State) -> Key
    ) -> Path<System.State, System.Action> {
        let target: Key
        switch violation {
        case .state(let stateKey): target = stateKey
        case .transition(let source, _): target = source
        }

        var keys = [target]
        while let parent = parents[keys[keys.count - 1]], parent != keys[keys.count - 1] {
            keys.append(parent)
        }
        keys.reverse()

        guard let initial = system.initialStates().first(where: { key($0) == keys[0] }) else {
            preconditionFailure("the seen set names an initial state the system does not have")
        }
        var path = Path<System.State, System.Action>(initialState: initial)
        var successors: [(action: System.Action, state: System.State)] = []
        for nextKey in keys.dropFirst() {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            guard let step = successors.first(where: { key($0.state) == nextKey }) else {
                preconditionFailure("successors(of:) is not deterministic: a recorded step cannot be replayed")
            }
            path.steps.append(step)
        }
        if case .transition(_, let index) = violation {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            path.steps.append(successors[index])
        }
        return path
    }
}

extension Double {
    /// The duration in seconds.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = Double(seconds) + Double(attoseconds) * 1e-18
    }
}
