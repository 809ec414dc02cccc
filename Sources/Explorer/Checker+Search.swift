extension Checker {
    /// Where a property was first discovered (violated, or for `sometimes` satisfied), by the
    /// numbers the search gives states in the order it first reaches them.
    @usableFromInline
    enum Discovery {
        /// At the state with this number.
        case state(UInt32)
        /// At the transition number `index` among the successors of the state numbered `source`.
        case transition(source: UInt32, index: Int)
    }

    /// What the search has learnt of one property so far: a discovery is a counterexample, or for a
    /// `sometimes` property an example.
    @usableFromInline
    struct PropertyProgress {
        @usableFromInline var discovery: Discovery?
        @usableFromInline var unknownReason: String?
        @inlinable init() {}
    }

    /// Inserts into `seen` each initial state not seen before, numbers it in `log` and hands it to
    /// `keep` with its number; stops before the first the state limit of `bounds` keeps out, and
    /// returns that limit. `seen` and `log` start empty.
    @inlinable
    func seed<Seen: SeenStates>(
        _ seen: Seen, log: inout DiscoveryLog, statistics: inout SearchStatistics, bounds: SearchBounds,
        keep: (System.State, UInt32) -> Void
    ) -> SearchLimit? where Seen.State == System.State {
        for (place, state) in initialStates.enumerated() {
            let key = seen.key(of: state)
            if let stop = bounds.stateLimit(reachedAt: log.count), !seen.contains(key) { return stop }
            guard seen.insert(key) else { continue }
            statistics.initialStates += 1
            keep(state, log.append(parent: nil, choice: place))
        }
        return nil
    }

    /// Judges the `noDeadlock` properties that `findings` has not yet found violated at `state`, the
    /// state numbered `number`, in which `successors` steps are enabled.
    @inlinable @inline(__always)
    func judgeDeadlock(_ state: System.State, number: UInt32, successors: Int, into findings: inout [PropertyProgress]) {
        guard system.isDeadlocked(state, successors: successors) else { return }
        for index in properties.indices where findings[index].discovery == nil {
            if case .noDeadlock = properties[index].condition { findings[index].discovery = .state(number) }
        }
    }

    /// Judges the state properties at `indices` of `state`, the state numbered `number`, that
    /// `findings` has not yet found violated.
    ///
    /// The loops index the properties rather than enumerate them: enumerating copies each property,
    /// its name included, on every state and transition.
    @inlinable
    func judge(_ state: System.State, number: UInt32, properties indices: [Int], into findings: inout [PropertyProgress]) {
        for index in indices where findings[index].discovery == nil {
            switch properties[index].condition {
            case .always(let judge):
                record(judge(state), at: .state(number), in: &findings[index])
            case .sometimes(let judge):
                // An example is a discovery as a counterexample is: the judgement is turned round.
                switch judge(state) {
                case .holds: findings[index].discovery = .state(number)
                case .violated: break
                case .unknown(let reason): findings[index].unknownReason = findings[index].unknownReason ?? reason
                }
            case .onEveryTransition, .noDeadlock:
                break
            }
        }
    }

    /// Judges the transition properties of `judges` that `findings` has not yet found violated on
    /// the step `action` from `state` to `successor`, found at `discovery`.
    @inlinable
    func judge(
        _ state: System.State, _ action: System.Action, _ successor: System.State, at discovery: Discovery,
        judges: [TransitionJudge], into findings: inout [PropertyProgress]
    ) {
        for place in judges.indices where findings[judges[place].index].discovery == nil {
            record(judges[place].judge(state, action, successor), at: discovery, in: &findings[judges[place].index])
        }
    }

    /// Judges the transition properties of `judges` that `findings` has not yet found violated on
    /// the first `count` steps from `state`, the state numbered `source`: the step `actions[k]` to
    /// `successors[k]`. Each judge is taken out of `judges` once for all the steps, and each successor
    /// is lent to it in place (`inout`, though none is changed): read out of its storage, it would be
    /// copied, its buffer retained and released, on every step.
    @inlinable
    func judge(
        _ state: System.State, steps count: Int, actions: UnsafePointer<System.Action>,
        successors: UnsafeMutablePointer<System.State>, source: UInt32,
        judges: [TransitionJudge], into findings: inout [PropertyProgress]
    ) {
        @inline(__always)
        func judgement(
            by judge: TransitionJudgeFunction, of action: System.Action, to successor: inout System.State
        ) -> Judgement {
            judge(state, action, successor)
        }
        for (index, judge) in judges where findings[index].discovery == nil {
            for step in 0..<count where findings[index].discovery == nil {
                let judgement = judgement(by: judge, of: actions[step], to: &successors[step])
                record(judgement, at: .transition(source: source, index: step), in: &findings[index])
            }
        }
    }

    /// A property judged on transitions: its index among the properties, and its judge.
    @usableFromInline
    typealias TransitionJudge = (index: Int, judge: TransitionJudgeFunction)

    /// A transition property's judge of the step from a state, by an action, to a successor.
    @usableFromInline
    typealias TransitionJudgeFunction = (System.State, System.Action, System.State) -> Judgement

    /// The properties judged on transitions, with their judges: taken out once, so that no property
    /// is copied out of the list on every transition.
    @inlinable
    var transitionJudges: [TransitionJudge] {
        properties.indices.compactMap { index in
            guard case .onEveryTransition(let judge) = properties[index].condition else { return nil }
            return (index, judge)
        }
    }

    /// The indices of the properties judged at states, `always` and `sometimes` ones.
    @inlinable
    var stateProperties: [Int] {
        properties.indices.filter {
            switch properties[$0].condition {
            case .always, .sometimes: true
            case .onEveryTransition, .noDeadlock: false
            }
        }
    }

    @inlinable
    func record(_ judgement: Judgement, at discovery: Discovery, in finding: inout PropertyProgress) {
        switch judgement {
        case .holds: break
        case .violated: finding.discovery = discovery
        case .unknown(let reason): finding.unknownReason = finding.unknownReason ?? reason
        }
    }

    /// The verdicts `findings` give, with their paths rebuilt from `log`, and what `coverage` counted
    /// if the options asked for coverage.
    @inlinable
    func outcome(
        of findings: [PropertyProgress], log: DiscoveryLog, statistics: SearchStatistics, limit: SearchLimit?,
        coverage: CoverageTally<System.CoverageKey>
    ) -> SearchOutcome<System.State, System.Action> {
        // Listed once for every path: a concrete system may start in a great many states.
        let initialStates = findings.contains { $0.discovery != nil } ? self.initialStates : []
        let verdicts = properties.indices.map { index in
            let finding = findings[index]
            let looksForExample = properties[index].looksForExample
            let verdict: PropertyOutcome<System.State, System.Action>
            if let discovery = finding.discovery {
                let path = path(to: discovery, log: log, initialStates: initialStates)
                verdict = looksForExample ? .witnessed(path) : .violated(path)
            } else if let reason = finding.unknownReason {
                verdict = .unknown(reason: reason)
            } else if limit == .interrupted {
                verdict = .unknown(reason: "interrupted before every state was explored")
            } else if let limit {
                verdict = .unknown(reason: "limit \(limit) reached before every state was explored")
            } else {
                verdict = looksForExample ? .neverWitnessed : .holds
            }
            return (properties[index].name, verdict)
        }
        var outcome = SearchOutcome(verdicts: verdicts, statistics: statistics, limit: limit)
        if options.countsCoverage { outcome.coverage = coverage.steps }
        return outcome
    }

    /// Rebuilds the path to a discovery: the log's parents back to one of `initialStates` (the
    /// system's), then the system replayed forward, taking at each state the successor the log names.
    @inlinable
    func path(to discovery: Discovery, log: DiscoveryLog, initialStates: [System.State]) -> Path<System.State, System.Action> {
        let target: UInt32
        switch discovery {
        case .state(let number): target = number
        case .transition(let source, _): target = source
        }
        var choices: [Int] = []
        var number = target
        while true {
            let (parent, choice) = log.entry(number)
            choices.append(choice)
            if parent == number { break }
            number = parent
        }
        choices.reverse()
        if case .transition(_, let index) = discovery { choices.append(index) }

        var path = Path<System.State, System.Action>(initialState: initialStates[choices[0]])
        var successors: [(action: System.Action, state: System.State)] = []
        for choice in choices.dropFirst() {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            precondition(choice < successors.count, "successors(of:) is not deterministic: a recorded step cannot be replayed")
            path.steps.append(successors[choice])
        }
        return path
    }
}

extension Double {
    /// The duration in seconds.
    @inlinable
    @_spi(Search) public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = Double(seconds) + Double(attoseconds) * 1e-18
    }
}
