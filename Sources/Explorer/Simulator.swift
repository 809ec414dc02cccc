/// Random walks over a system too large to explore exhaustively: each walk starts in an initial
/// state and takes enabled steps chosen at random, judging the properties on the way. The first
/// violation of each property is shrunk: steps and whole activities dropped, an actor's steps
/// moved together, every candidate replayed to check that it is enabled and still violates.
///
/// A walk that finds nothing proves nothing: a property no walk violates is `notViolated`, never holds.
@_spi(Search) public struct Simulator<System: TransitionSystem> where System.Action: Equatable {
    /// The system walked.
    @_spi(Search) public let system: System
    /// The properties judged along every walk.
    @_spi(Search) public let properties: [Property<System>]
    /// How to walk.
    @_spi(Search) public let options: SimulationOptions
    /// The actor that takes a step: consecutive steps of one actor are not a context switch.
    @_spi(Search) public let actor: (System.Action) -> String
    /// The activity a step belongs to, which shrinking may drop as a whole: an actor's, or one
    /// that several actors serve in turn (a request and the steps that answer it).
    @_spi(Search) public let activity: (System.Action) -> String

    /// Creates a simulator; by default a step's activity is its actor's.
    @_spi(Search) public init(
        system: System, properties: [Property<System>], options: SimulationOptions,
        actor: @escaping (System.Action) -> String, activity: ((System.Action) -> String)? = nil
    ) {
        self.system = system
        self.properties = properties
        self.options = options
        self.actor = actor
        self.activity = activity ?? actor
    }

    /// Walks the system and shrinks the first violation of every property.
    @_spi(Search) public func run() -> SimulationOutcome<System.State, System.Action> {
        let clock = ContinuousClock()
        let start = clock.now
        var generator = SeededGenerator(seed: options.seed)
        var outcome = SimulationOutcome<System.State, System.Action>(
            verdicts: properties.map { PropertyOutcome($0.looksForExample ? .notWitnessed : .notViolated) })
        let initialStates = system.initialStates()
        guard !initialStates.isEmpty else { return outcome }
        var successors: [(action: System.Action, state: System.State)] = []

        walking: for walk in 1...max(1, options.walks) {
            if let timeout = options.timeout, clock.now - start >= timeout {
                outcome.limit = .timeout(timeout)
                break
            }
            if options.cancellation?.isCancelled == true {
                outcome.limit = .interrupted
                break
            }
            outcome.walks = walk
            var path = Path<System.State, System.Action>(
                initialState: initialStates[Int.random(in: 0..<initialStates.count, using: &generator)])
            var lastActor: String?
            while true {
                let state = path.finalState
                successors.removeAll(keepingCapacity: true)
                system.successors(of: state, into: &successors)
                let isDeadlock = system.isDeadlocked(state, successors: successors.count)
                for index in properties.indices where outcome.verdicts[index].isOpen {
                    switch judgement(of: index, atEndOf: path, deadlocked: isDeadlock) {
                    case .holds: break
                    case .violated: outcome.verdicts[index] = found(path, property: index, walk: walk)
                    case .unknown(let reason): outcome.verdicts[index] = .unknown(reason: reason)
                    }
                }
                if !outcome.verdicts.contains(where: \.isOpen) { break walking }
                guard !successors.isEmpty, path.steps.count < options.depth else { break }
                let chosen = choose(among: successors, after: lastActor, using: &generator)
                lastActor = actor(successors[chosen].action)
                path.steps.append(successors[chosen])
                outcome.steps += 1
            }
        }
        outcome.seconds = Double(clock.now - start)
        return outcome
    }

    /// The judgement of property `index` on the last state of `path` and the step into it.
    func judgement(
        of index: Int, atEndOf path: Path<System.State, System.Action>, deadlocked: Bool
    ) -> Judgement {
        let state = path.finalState
        switch properties[index].condition {
        case .always(let judge):
            return judge(state)
        case .onEveryTransition(let judge):
            guard let last = path.steps.last else { return .holds }
            let source = path.steps.count > 1 ? path.steps[path.steps.count - 2].state : path.initialState
            return judge(source, last.action, last.state)
        case .sometimes(let judge):
            // An example is a discovery: the judgement is turned round, as in the exhaustive search.
            switch judge(state) {
            case .holds: return .violated
            case .violated: return .holds
            case .unknown(let reason): return .unknown(reason: reason)
            }
        case .noDeadlock:
            return deadlocked ? .violated : .holds
        }
    }

    private func choose(
        among successors: [(action: System.Action, state: System.State)], after lastActor: String?,
        using generator: inout SeededGenerator
    ) -> Int {
        if options.bias == .fewSwitches, let lastActor, Int.random(in: 0..<10, using: &generator) != 0 {
            let same = successors.indices.filter { actor(successors[$0].action) == lastActor }
            if !same.isEmpty { return same[Int.random(in: 0..<same.count, using: &generator)] }
        }
        return Int.random(in: 0..<successors.count, using: &generator)
    }

    private func found(
        _ path: Path<System.State, System.Action>, property: Int, walk: Int
    ) -> PropertyOutcome<System.State, System.Action> {
        let shrunk = shrink(path, property: property)
        var outcome = properties[property].looksForExample ? PropertyOutcome.witnessed(shrunk) : .violated(shrunk)
        outcome.walk = (walk, path)
        return outcome
    }
}
