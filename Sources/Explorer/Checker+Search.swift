import DequeModule

extension Checker {
    /// Where a property was first discovered (violated, or for `sometimes` satisfied), by the keys of the seen set.
    @usableFromInline
    enum Violation<Key> {
        /// At the state with this key.
        case state(Key)
        /// At the transition number `index` among the successors of the state with key `source`.
        case transition(source: Key, index: Int)
    }

    /// What the search has learnt of one property so far: a discovery is a counterexample, or for a
    /// `sometimes` property an example.
    @usableFromInline
    struct Finding<Key> {
        @usableFromInline var violation: Violation<Key>?
        @usableFromInline var unknownReason: String?
        @inlinable init() {}
    }

    /// The search itself, over `seen`: a table of fingerprints or of whole states.
    ///
    /// Inlinable so that it is specialized for the caller's system: unspecialized, generic
    /// metadata look-ups cost more than the search itself.
    @inlinable
    func search<Seen: SeenStates>(seen: Seen) -> SearchOutcome<System.State, System.Action>
    where Seen.State == System.State {
        typealias Key = Seen.Key
        var seen = seen
        let clock = ContinuousClock()
        let start = clock.now
        var lastProgress = start
        var statistics = SearchStatistics()
        var limit: SearchLimit?

        var frontier = Deque<(state: System.State, key: Key, depth: Int)>()
        var findings = [Finding<Key>](repeating: Finding(), count: properties.count)

        // The loops below index the properties rather than enumerate them: enumerating copies each
        // property, its name included, on every state and transition. `findings` is passed rather
        // than captured: a local function that captures a variable and is called from a closure
        // makes every access to it a dynamic exclusivity check.
        func judgeState(_ state: System.State, key stateKey: Key, into findings: inout [Finding<Key>]) {
            for index in properties.indices where findings[index].violation == nil {
                switch properties[index].condition {
                case .always(let judge):
                    record(judge(state), at: .state(stateKey), in: &findings[index])
                case .sometimes(let judge):
                    // An example is a discovery as a counterexample is: the judgement is turned round.
                    switch judge(state) {
                    case .holds: findings[index].violation = .state(stateKey)
                    case .violated: break
                    case .unknown(let reason): findings[index].unknownReason = findings[index].unknownReason ?? reason
                    }
                case .alwaysOnTransition, .noDeadlock:
                    break
                }
            }
        }

        func elapsed() -> Duration { clock.now - start }

        search: do {
            for state in system.initialStates() {
                let stateKey = seen.key(of: state)
                if let maxStates = options.maxStates, seen.count >= maxStates, seen.parent(of: stateKey) == nil {
                    limit = .maxStates(maxStates)
                    break search
                }
                // An initial state is its own parent.
                guard seen.insert(stateKey, parent: stateKey) else { continue }
                statistics.initialStates += 1
                judgeState(state, key: stateKey, into: &findings)
                frontier.append((state, stateKey, 0))
            }

            var expansions = 0
            while let (state, stateKey, depth) = options.strategy == .breadthFirst ? frontier.popFirst() : frontier.popLast() {
                expansions += 1
                if expansions & 0xFF == 0 {
                    let now = clock.now
                    if let timeout = options.timeout, now - start >= timeout {
                        limit = .timeout(timeout)
                        break search
                    }
                    if let memoryLimit = options.memoryLimit, expansions & 0xFFF == 0,
                        let resident = ResidentMemory.bytes(), resident >= memoryLimit
                    {
                        limit = .memory(memoryLimit)
                        break search
                    }
                    if let progress = options.progress, now - lastProgress >= options.progressInterval {
                        lastProgress = now
                        statistics.states = seen.count
                        statistics.seconds = Double(elapsed())
                        progress(statistics)
                    }
                }

                // Successors are judged and stored as the system builds them: most were seen before,
                // and are dropped without ever being kept.
                var count = 0
                var stopped = false
                let expandable = options.maxDepth.map { depth < $0 } ?? true
                system.forEachSuccessor(of: state) { action, successor in
                    let index = count
                    count += 1
                    guard !stopped else { return }
                    let successorKey = seen.key(of: successor)
                    guard expandable else {
                        // Only a successor never seen is a state the limit kept out.
                        if seen.parent(of: successorKey) == nil { limit = .maxDepth(options.maxDepth!) }
                        return
                    }
                    statistics.transitions += 1
                    for propertyIndex in properties.indices where findings[propertyIndex].violation == nil {
                        guard case .alwaysOnTransition(let judge) = properties[propertyIndex].condition else { continue }
                        record(
                            judge(state, action, successor), at: .transition(source: stateKey, index: index),
                            in: &findings[propertyIndex])
                    }
                    if let maxStates = options.maxStates, seen.count >= maxStates {
                        if seen.parent(of: successorKey) == nil {
                            limit = .maxStates(maxStates)
                            stopped = true
                        }
                        return
                    }
                    if let memoryLimit = options.memoryLimit, seen.bytesOfNextGrowth > 0,
                        seen.parent(of: successorKey) == nil,
                        (ResidentMemory.bytes() ?? 0) + seen.bytesOfNextGrowth >= memoryLimit
                    {
                        limit = .memory(memoryLimit)
                        stopped = true
                        return
                    }
                    guard seen.insert(successorKey, parent: stateKey) else { return }
                    statistics.maxDepth = max(statistics.maxDepth, depth + 1)
                    judgeState(successor, key: successorKey, into: &findings)
                    frontier.append((successor, successorKey, depth + 1))
                }
                if stopped { break search }
                if count == 0, !system.isFinished(state) {
                    for index in properties.indices where findings[index].violation == nil {
                        if case .noDeadlock = properties[index].condition {
                            findings[index].violation = .state(stateKey)
                        }
                    }
                }
            }
        }

        statistics.states = seen.count
        statistics.seconds = Double(elapsed())

        let verdicts = properties.indices.map { index in
            let finding = findings[index]
            let looksForExample = properties[index].looksForExample
            let verdict: PropertyVerdict<System.State, System.Action>
            if let violation = finding.violation {
                let path = path(to: violation, seen: seen)
                verdict = looksForExample ? .witnessed(path) : .violated(path)
            } else if let reason = finding.unknownReason {
                verdict = .unknown(reason: reason)
            } else if let limit {
                verdict = .unknown(reason: "limit \(limit) reached before every state was explored")
            } else {
                verdict = looksForExample ? .neverWitnessed : .holds
            }
            return (properties[index].name, verdict)
        }
        return SearchOutcome(verdicts: verdicts, statistics: statistics, limit: limit)
    }

    @inlinable
    func record<Key>(_ judgement: Judgement, at violation: Violation<Key>, in finding: inout Finding<Key>) {
        switch judgement {
        case .holds: break
        case .violated: finding.violation = violation
        case .unknown(let reason): finding.unknownReason = finding.unknownReason ?? reason
        }
    }

    /// Rebuilds the path to a violation by walking the seen set back to an
    /// initial state and replaying the system forward along those keys.
    @inlinable
    func path<Seen: SeenStates>(
        to violation: Violation<Seen.Key>, seen: Seen
    ) -> Path<System.State, System.Action> where Seen.State == System.State {
        let target: Seen.Key
        switch violation {
        case .state(let stateKey): target = stateKey
        case .transition(let source, _): target = source
        }

        var keys = [target]
        while let parent = seen.parent(of: keys[keys.count - 1]), parent != keys[keys.count - 1] {
            keys.append(parent)
        }
        keys.reverse()

        guard let initial = system.initialStates().first(where: { seen.key(of: $0) == keys[0] }) else {
            preconditionFailure("the seen set names an initial state the system does not have")
        }
        var path = Path<System.State, System.Action>(initialState: initial)
        var successors: [(action: System.Action, state: System.State)] = []
        for nextKey in keys.dropFirst() {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            guard let step = successors.first(where: { seen.key(of: $0.state) == nextKey }) else {
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
    @inlinable
    public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = Double(seconds) + Double(attoseconds) * 1e-18
    }
}
