/// A system the checker explores: its initial states, the steps enabled in
/// each state, and when a state counts as finished rather than stuck.
///
/// `successors(of:)` must be a pure function of the state: traces are
/// reconstructed by replaying it, so the same state must always yield the
/// same successors in the same order.
@_spi(Search) public protocol TransitionSystem {
    /// A state of the system. Two equal states are one state of the search.
    associatedtype State: Hashable & StableHashable
    /// A step from one state to the next.
    associatedtype Action
    /// What a search that counts coverage (`SearchOptions.countsCoverage`) counts steps by: a kind
    /// of step, say, and who takes it. None by default.
    associatedtype CoverageKey: Hashable & Sendable = Never

    /// The states the system may start in.
    func initialStates() -> [State]

    /// The first `limit` distinct states of `initialStates()`, in its order (all of them, if it has no
    /// more): what a search that keeps at most so many states asks for, so that a system that starts
    /// in a great many need not list them all.
    func initialStates(limit: Int) -> [State]

    /// Every step enabled in `state`, with the state it leads to, appended to `successors`.
    func successors(of state: State, into successors: inout [(action: Action, state: State)])

    /// Calls `body` with every step enabled in `state` and the state it leads to, in the order of
    /// `successors(of:into:)`: what the search runs on every state, so a system may build each
    /// successor where the last one was, and allocate only for those `body` keeps.
    func forEachSuccessor(of state: State, _ body: (Action, State) -> Void)

    /// Calls `body` as `forEachSuccessor(of:_:)` does, building each successor in `scratch`, which
    /// holds whatever was left there before. `body` may keep the successor by exchanging it for a
    /// state of its own, in which the system then builds the next: how a search lets a system build
    /// every successor in buffers it already has, and holds them without copying.
    func forEachSuccessor(of state: State, buildingIn scratch: inout State, _ body: (Action, inout State) -> Void)

    /// Whether a state with no enabled step is a proper end rather than a deadlock.
    func isFinished(_ state: State) -> Bool

    /// Whether `state`, in which `successors` steps are enabled, is a deadlock. By default, when no
    /// step is and the system does not call the state finished; a system with a step that is always
    /// possible and moves no one on (a failure of the environment) leaves that step out of the count.
    func isDeadlocked(_ state: State, successors: Int) -> Bool

    /// The key `action` is counted under when a search counts coverage; nil for a step not counted.
    func coverageKey(of action: Action) -> CoverageKey?
}

extension TransitionSystem {
    /// The first `limit` distinct states of `initialStates()`.
    @inlinable
    @_spi(Search) public func initialStates(limit: Int) -> [State] {
        var seen = Set<State>()
        var states: [State] = []
        for state in initialStates() where states.count < limit && seen.insert(state).inserted { states.append(state) }
        return states
    }

    /// Calls `body` with each of `successors(of:into:)`'s successors in turn.
    @inlinable
    @_spi(Search) public func forEachSuccessor(of state: State, _ body: (Action, State) -> Void) {
        var successors: [(action: Action, state: State)] = []
        self.successors(of: state, into: &successors)
        for successor in successors { body(successor.action, successor.state) }
    }

    /// Calls `forEachSuccessor(of:_:)`, and hands each successor to `body` in `scratch`: the system
    /// builds its successors where it likes.
    @inlinable
    @_spi(Search) public func forEachSuccessor(
        of state: State, buildingIn scratch: inout State, _ body: (Action, inout State) -> Void
    ) {
        forEachSuccessor(of: state) { action, successor in
            scratch = successor
            body(action, &scratch)
        }
    }

    /// No key: a system that names none counts no step.
    @inlinable
    @_spi(Search) public func coverageKey(of action: Action) -> CoverageKey? where CoverageKey == Never { nil }
}
