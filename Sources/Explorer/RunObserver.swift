/// How a log of a real run observes a transition system: which of the system's steps the log
/// records whenever they happen, which step a logged event is, and which events state a fact
/// about the state rather than a step.
///
/// A log is a behaviour of the system when some path takes, in the log's order, a step for every
/// step event and passes a state where every fact event holds, with any number of unobserved steps
/// in between (`ObservedRunSearch`).
@_spi(Search) public protocol RunObserver {
    /// The system whose runs are observed.
    associatedtype System: TransitionSystem
    /// One logged event.
    associatedtype Event
    /// What a path remembers beyond its state for the events still to come (whether a call it made
    /// failed, say); equal memories with equal states are one node of the search.
    associatedtype Memory: Hashable

    /// The system observed.
    var system: System { get }

    /// The memory of a path that has taken no step.
    var initialMemory: Memory { get }

    /// Whether the log records `action`, taken from `state`, every time it happens: such a step is
    /// taken only to match an event.
    func isObserved(_ action: System.Action, from state: System.State) -> Bool

    /// Whether `event` is a fact rather than a step; such an event is matched by a state where
    /// `holds(_:in:memory:)`.
    func isFact(_ event: Event) -> Bool

    /// Whether the fact `event` holds in `state`, with `memory`.
    func holds(_ event: Event, in state: System.State, memory: Memory) -> Bool

    /// Whether the observed step `action`, taken from `state` with `memory`, is the step `event`.
    func matches(_ event: Event, _ action: System.Action, from state: System.State, memory: Memory) -> Bool

    /// The memory after `action` is taken from `state` with `memory`.
    func remember(_ action: System.Action, from state: System.State, memory: Memory) -> Memory
}
