/// Every state a system reaches and every step between them, for drawing a small model: states
/// numbered in breadth-first order from 0, the initial ones first.
@_spi(Search) public struct StateGraph<System: TransitionSystem> {
    /// One step of the graph: from the state numbered `from`, by `action`, to the state numbered `to`.
    @_spi(Search) public struct Edge {
        /// The number of the state the step is taken from.
        @_spi(Search) public var from: Int
        /// The step.
        @_spi(Search) public var action: System.Action
        /// The number of the state it leads to.
        @_spi(Search) public var to: Int
    }

    /// The states, by number.
    @_spi(Search) public private(set) var states: [System.State] = []
    /// The numbers of the initial states.
    @_spi(Search) public private(set) var initial: [Int] = []
    /// Every step, in the order the states were expanded and the system lists their successors.
    @_spi(Search) public private(set) var edges: [Edge] = []
    /// The numbers of states with no step enabled that the system does not call finished.
    @_spi(Search) public private(set) var deadlocks: [Int] = []
    private var numbers: [System.State: Int] = [:]

    /// The graph of every state `system` reaches, or nil when it reaches more than `limit` states.
    @_spi(Search) public init?(exploring system: System, limit: Int) {
        // One more than the limit is enough to know that the graph is too large.
        for state in system.initialStates(limit: limit == .max ? limit : max(0, limit) + 1) where numbers[state] == nil {
            guard add(state, limit: limit) else { return nil }
            initial.append(states.count - 1)
        }
        var successors: [(action: System.Action, state: System.State)] = []
        var next = 0
        while next < states.count {
            successors.removeAll(keepingCapacity: true)
            system.successors(of: states[next], into: &successors)
            if system.isDeadlocked(states[next], successors: successors.count) { deadlocks.append(next) }
            for successor in successors {
                if numbers[successor.state] == nil, !add(successor.state, limit: limit) { return nil }
                edges.append(Edge(from: next, action: successor.action, to: numbers[successor.state]!))
            }
            next += 1
        }
    }

    private mutating func add(_ state: System.State, limit: Int) -> Bool {
        guard states.count < limit else { return false }
        numbers[state] = states.count
        states.append(state)
        return true
    }

    /// The numbers of the states along `path`, its initial state first; nil where one is not in the graph.
    @_spi(Search) public func numbers(along path: Path<System.State, System.Action>) -> [Int]? {
        var result: [Int] = []
        for state in [path.initialState] + path.steps.map(\.state) {
            guard let number = numbers[state] else { return nil }
            result.append(number)
        }
        return result
    }
}
