/// A system the checker explores: its initial states, the steps enabled in
/// each state, and when a state counts as finished rather than stuck.
///
/// `successors(of:)` must be a pure function of the state: traces are
/// reconstructed by replaying it, so the same state must always yield the
/// same successors in the same order.
public protocol TransitionSystem {
    /// A state of the system. Two equal states are one state of the search.
    associatedtype State: Hashable & StableHashable
    /// A step from one state to the next.
    associatedtype Action

    /// The states the system may start in.
    func initialStates() -> [State]

    /// Every step enabled in `state`, with the state it leads to, appended to `successors`.
    func successors(of state: State, into successors: inout [(action: Action, state: State)])

    /// Whether a state with no enabled step is a proper end rather than a deadlock.
    func isFinished(_ state: State) -> Bool
}
