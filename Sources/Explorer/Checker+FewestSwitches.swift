extension Checker {
    /// The most (state, last actor) pairs `fewestSwitches(in:actor:limit:)` visits by default.
    @_spi(Search) public static var fewestSwitchesLimit: Int { 200_000 }

    /// `outcome` with the path of every discovery replaced by the one, among the paths as short, whose
    /// steps switch between actors (as `actor` names them) least: a counterexample a reader follows
    /// with as few context switches as the discovery allows. The choice is a function of the system,
    /// the same every run. A breadth-first outcome only: a depth-first path is not shortest anyway.
    ///
    /// Each discovery costs a layered search as deep as its path; beyond `limit` (state, last actor)
    /// pairs, once `deadline` has passed, or once the search is cancelled, it is abandoned and the path kept.
    @inlinable
    @_spi(Search) public func fewestSwitches(
        in outcome: SearchOutcome<System.State, System.Action>, actor: (System.Action) -> String,
        limit: Int = fewestSwitchesLimit, deadline: ContinuousClock.Instant? = nil
    ) -> SearchOutcome<System.State, System.Action> {
        guard options.strategy == .breadthFirst else { return outcome }
        var outcome = outcome
        let stops = SearchStops(deadline: deadline, timeout: options.timeout, cancellation: options.cancellation)
        // Listed once for every discovery: a concrete system may start in a great many states.
        var initialStates: [System.State]?
        func shortest(_ path: Path<System.State, System.Action>, _ index: Int) -> Path<System.State, System.Action> {
            let initial = initialStates ?? self.initialStates
            initialStates = initial
            return fewestSwitches(to: path, property: index, actor: actor, limit: limit, stops: stops, initialStates: initial)
        }
        for index in outcome.verdicts.indices {
            guard let path = outcome.verdicts[index].verdict.path else { continue }
            outcome.verdicts[index].verdict.path = shortest(path, index)
        }
        return outcome
    }

    /// One (state, last actor) pair of a layer of the search for fewest switches: `parent` indexes the
    /// layer before, `successor` the step taken there among the parent's successors.
    @usableFromInline
    struct SwitchNode {
        @usableFromInline var state: System.State
        @usableFromInline var actor: String?
        @usableFromInline var switches: Int
        @usableFromInline var parent: Int
        @usableFromInline var successor: Int

        @inlinable
        init(state: System.State, actor: String?, switches: Int, parent: Int, successor: Int) {
            (self.state, self.actor, self.switches, self.parent, self.successor) = (state, actor, switches, parent, successor)
        }
    }

    @usableFromInline
    struct SwitchKey: Hashable {
        @usableFromInline var state: System.State
        @usableFromInline var actor: String?

        @inlinable
        init(state: System.State, actor: String?) {
            (self.state, self.actor) = (state, actor)
        }
    }

    /// The discovery a search for fewest switches settles on: its node in the last layer, or the node
    /// in the layer before and the step from it of a transition; and the switches that reach it.
    @usableFromInline
    struct SwitchDiscovery {
        @usableFromInline var switches: Int
        @usableFromInline var node: Int
        @usableFromInline var step: Int?

        @inlinable
        init(switches: Int, node: Int, step: Int?) {
            (self.switches, self.node, self.step) = (switches, node, step)
        }
    }

    /// Among the discoveries of property `index` as short as `path`, the one whose steps switch
    /// between actors least; of those, one chosen by the order of the system's successors alone, so
    /// the same every run. `path` itself when more than `limit` (state, last actor) pairs lie within its length.
    ///
    /// A layered search from the initial states, `path.steps.count` layers deep, keeping per state and
    /// last actor the fewest switches that reach it; pairs with more switches than `path` has are
    /// dropped, since no step lowers the count and only fewer switches than `path` has can replace it.
    @inlinable
    func fewestSwitches(
        to path: Path<System.State, System.Action>, property index: Int, actor: (System.Action) -> String, limit: Int,
        stops: SearchStops, initialStates: [System.State]
    ) -> Path<System.State, System.Action> {
        let length = path.steps.count
        let bound = path.contextSwitches(actor: actor)
        guard length > 1, bound > 0, initialStates.count <= limit else { return path }
        let condition = properties[index].condition
        guard
            let (layers, onTransition) = switchLayers(
                from: initialStates, length: length, bound: bound, condition: condition, actor: actor, limit: limit,
                stops: stops),
            let best = onTransition ?? fewestSwitchesDiscovery(in: layers[length], condition: condition),
            best.switches < bound
        else { return path }
        return self.path(to: best, in: layers)
    }

    /// The layers of the search for fewest switches from `initialStates`, `length` steps deep, keeping
    /// only pairs reached in fewer than `bound` switches; and the best discovery of a transition
    /// property `condition` on the last step, if it is one. Nil when the search is abandoned: when
    /// it would keep more than `limit` pairs, or when one of `stops` is reached.
    @inlinable
    func switchLayers(
        from initialStates: [System.State], length: Int, bound: Int, condition: Property<System>.Condition,
        actor: (System.Action) -> String, limit: Int, stops: SearchStops
    ) -> (layers: [[SwitchNode]], onTransition: SwitchDiscovery?)? {
        var layers: [[SwitchNode]] = [
            initialStates.map { SwitchNode(state: $0, actor: nil, switches: 0, parent: -1, successor: -1) }
        ]
        var nodes = layers[0].count
        var successors: [(action: System.Action, state: System.State)] = []
        var best: SwitchDiscovery?
        for depth in 0..<length {
            var next: [SwitchNode] = []
            var indexOf: [SwitchKey: Int] = [:]
            let isLast = depth == length - 1
            for (nodeIndex, node) in layers[depth].enumerated() {
                if nodeIndex & 0xF == 0, stops.reached() != nil { return nil }
                successors.removeAll(keepingCapacity: true)
                system.successors(of: node.state, into: &successors)
                for (successorIndex, successor) in successors.enumerated() {
                    let name = actor(successor.action)
                    let switches = node.switches + (node.actor.map { $0 == name ? 0 : 1 } ?? 0)
                    guard switches < bound else { continue }
                    if isLast, case .onEveryTransition(let judge) = condition {
                        if switches < (best?.switches ?? .max),
                            Self.isDiscovery(judge(node.state, successor.action, successor.state), lookingForExample: false)
                        {
                            best = SwitchDiscovery(switches: switches, node: nodeIndex, step: successorIndex)
                        }
                        continue
                    }
                    let key = SwitchKey(state: successor.state, actor: name)
                    if let existing = indexOf[key] {
                        if switches < next[existing].switches {
                            next[existing].switches = switches
                            next[existing].parent = nodeIndex
                            next[existing].successor = successorIndex
                        }
                        continue
                    }
                    indexOf[key] = next.count
                    next.append(SwitchNode(state: successor.state, actor: name, switches: switches, parent: nodeIndex, successor: successorIndex))
                    nodes += 1
                    if nodes > limit { return nil }
                }
            }
            layers.append(next)
        }
        return (layers, best)
    }

    /// The first node of `layer`, the last, reached in fewest switches whose state is a discovery of
    /// a state property `condition`; nil if none is.
    @inlinable
    func fewestSwitchesDiscovery(in layer: [SwitchNode], condition: Property<System>.Condition) -> SwitchDiscovery? {
        var best: SwitchDiscovery?
        var judged: [System.State: Bool] = [:]
        var successors: [(action: System.Action, state: System.State)] = []
        for (nodeIndex, node) in layer.enumerated() where node.switches < (best?.switches ?? .max) {
            let discovered: Bool
            if let known = judged[node.state] {
                discovered = known
            } else {
                switch condition {
                case .always(let judge): discovered = Self.isDiscovery(judge(node.state), lookingForExample: false)
                case .sometimes(let judge): discovered = Self.isDiscovery(judge(node.state), lookingForExample: true)
                case .noDeadlock:
                    successors.removeAll(keepingCapacity: true)
                    system.successors(of: node.state, into: &successors)
                    discovered = system.isDeadlocked(node.state, successors: successors.count)
                case .onEveryTransition: discovered = false
                }
                judged[node.state] = discovered
            }
            if discovered { best = SwitchDiscovery(switches: node.switches, node: nodeIndex, step: nil) }
        }
        return best
    }

    /// Whether `judgement` makes a discovery: a violation, or when `lookingForExample` a state that holds.
    @inlinable
    static func isDiscovery(_ judgement: Judgement, lookingForExample: Bool) -> Bool {
        if case .holds = judgement { lookingForExample } else if case .violated = judgement { !lookingForExample } else { false }
    }

    /// The path to `discovery`: the parents in `layers` walked back to an initial state, then the
    /// steps replayed forward.
    @inlinable
    func path(to discovery: SwitchDiscovery, in layers: [[SwitchNode]]) -> Path<System.State, System.Action> {
        var choices: [Int] = discovery.step.map { [$0] } ?? []
        var layer = discovery.step == nil ? layers.count - 1 : layers.count - 2
        var nodeIndex = discovery.node
        while layer > 0 {
            let node = layers[layer][nodeIndex]
            choices.append(node.successor)
            nodeIndex = node.parent
            layer -= 1
        }
        var path = Path<System.State, System.Action>(initialState: layers[0][nodeIndex].state)
        var successors: [(action: System.Action, state: System.State)] = []
        for choice in choices.reversed() {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: path.finalState, into: &successors)
            path.steps.append(successors[choice])
        }
        return path
    }
}
