/// Decides properties of a transition system by visiting every state it
/// can reach.
///
/// ```swift
/// let outcome = Checker(system: counter, properties: [.always("below-3") { $0 < 3 ? .holds : .violated }]).run()
/// ```
///
/// A search visits every reachable state once, judging every property at
/// every state and transition, and keeps, for each violated property, the
/// first violation it met: with breadth-first search that violation is at
/// the least depth, so its path is a shortest counterexample. The search
/// does not stop at a violation; it ends when every reachable state has
/// been expanded or a limit of `options` ends it, in which case no property
/// that was not found violated is reported as holding.
public struct Checker<System: TransitionSystem> {
    /// The system to explore.
    public var system: System
    /// The properties to decide.
    public var properties: [Property<System>]
    /// How to search, and when to stop early.
    public var options: SearchOptions
    /// Creates a checker.
    public init(system: System, properties: [Property<System>], options: SearchOptions = SearchOptions()) {
        self.system = system
        self.properties = properties
        self.options = options
    }

    /// Runs the search and returns a verdict for every property.
    @inlinable
    public func run() -> SearchOutcome<System.State, System.Action> {
        switch options.storage {
        case .fingerprints: search(seen: FingerprintTable<System.State>(), frontier: ValueFrontier())
        case .exact: search(seen: ExactStateTable<System.State>(), frontier: ValueFrontier())
        }
    }
}

extension Checker where System.State: PackableState {
    /// Runs the search and returns a verdict for every property, keeping the states it has yet to
    /// expand packed.
    @inlinable
    public func run() -> SearchOutcome<System.State, System.Action> {
        switch options.storage {
        case .fingerprints: search(seen: FingerprintTable<System.State>(), frontier: PackedFrontier())
        case .exact: search(seen: ExactStateTable<System.State>(), frontier: PackedFrontier())
        }
    }
}
