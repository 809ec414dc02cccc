/// How a log of a real run observes a transition system: which of the system's steps a path may
/// take with no event, which step an event is, and which events state a fact about the state
/// rather than a step.
///
/// A log is a behaviour of the system when some path takes, in the log's order, a step for every
/// step event and passes a state where every fact event holds, with any number of steps no event
/// shows in between (`ObservedRunSearch`). What a path remembers (`Memory`) lets an event allow a
/// later step: a call that starts is a fact, and the call's step may follow before it returns.
@_spi(Search) public protocol RunObserver {
    /// The system whose runs are observed.
    associatedtype System: TransitionSystem
    /// One logged event.
    associatedtype Event
    /// What a path remembers beyond its state for the events still to come; equal memories with
    /// equal states are one node of the search.
    associatedtype Memory: Hashable

    /// The system observed.
    var system: System { get }

    /// The memory of a path that has taken no step.
    var initialMemory: Memory { get }

    /// The memory after `action` is taken from `state` with no event, or nil when the log would
    /// have shown it.
    func takeUnlogged(_ action: System.Action, from state: System.State, memory: Memory) -> Memory?

    /// The memory after `action` is taken from `state` as the step `event`, or nil when it is not that step.
    func take(_ action: System.Action, as event: Event, from state: System.State, memory: Memory) -> Memory?

    /// The memory after passing `event` as a fact of `state`, or nil when it is no fact that holds there.
    func pass(_ event: Event, in state: System.State, memory: Memory) -> Memory?
}
