/// A breadth-first search of a system's paths constrained by a log: it decides whether the logged
/// events are a behaviour of the system as a `RunObserver` relates them.
///
/// A node is a state, the number of events matched and the path's memory; from a node the search
/// takes every step the log need not show, every step the next event is, and, where the next
/// event is a fact that holds, passes it without a step. Each node is expanded once, so the search
/// ends on every finite system, and the first path to match an event has the fewest steps.
@_spi(Search) public struct ObservedRunSearch<Observer: RunObserver> {
    /// How the log relates to the system.
    public let observer: Observer

    /// Creates a search.
    public init(observer: Observer) {
        self.observer = observer
    }

    /// A state of the system.
    public typealias State = Observer.System.State
    /// A step of the system.
    public typealias Action = Observer.System.Action

    private struct Node: Hashable {
        var state: State
        var matched: Int
        var memory: Observer.Memory
    }

    /// Whether `events` is a behaviour of the system from one of its initial states.
    public func run(_ events: [Observer.Event]) -> ObservedRun<State, Action> {
        var nodes: [Node] = []
        var parents: [(node: Int, action: Action?)] = []
        var seen = Set<Node>()
        func visit(_ node: Node, from parent: Int, by action: Action?) {
            guard seen.insert(node).inserted else { return }
            nodes.append(node)
            parents.append((parent, action))
        }
        let initialStates = observer.system.initialStates()
        precondition(!initialStates.isEmpty, "a system with no initial state has no run to match a log")
        for state in initialStates {
            visit(Node(state: state, matched: 0, memory: observer.initialMemory), from: -1, by: nil)
        }
        var deepest = 0
        var next = 0
        while next < nodes.count {
            let node = nodes[next]
            if node.matched == events.count { return .admitted(path: path(to: next, nodes: nodes, parents: parents)) }
            if node.matched > nodes[deepest].matched { deepest = next }
            expand(node, index: next, events: events, visit: visit)
            next += 1
        }
        var enabled: [Action] = []
        observer.system.forEachSuccessor(of: nodes[deepest].state) { action, _ in enabled.append(action) }
        return .refused(
            event: nodes[deepest].matched, path: path(to: deepest, nodes: nodes, parents: parents), enabled: enabled)
    }

    /// Visits every node one step or one fact on from `node`.
    private func expand(_ node: Node, index: Int, events: [Observer.Event], visit: (Node, Int, Action?) -> Void) {
        let event = events[node.matched]
        if let memory = observer.pass(event, in: node.state, memory: node.memory) {
            visit(Node(state: node.state, matched: node.matched + 1, memory: memory), index, nil)
        }
        observer.system.forEachSuccessor(of: node.state) { action, successor in
            if let memory = observer.takeUnlogged(action, from: node.state, memory: node.memory) {
                visit(Node(state: successor, matched: node.matched, memory: memory), index, action)
            }
            if let memory = observer.take(action, as: event, from: node.state, memory: node.memory) {
                visit(Node(state: successor, matched: node.matched + 1, memory: memory), index, action)
            }
        }
    }

    /// The path from an initial state to node `index`: its steps, without the facts passed.
    private func path(to index: Int, nodes: [Node], parents: [(node: Int, action: Action?)]) -> Path<State, Action> {
        var steps: [(action: Action, state: State)] = []
        var current = index
        while parents[current].node >= 0 {
            if let action = parents[current].action { steps.append((action, nodes[current].state)) }
            current = parents[current].node
        }
        return Path(initialState: nodes[current].state, steps: steps.reversed())
    }
}
