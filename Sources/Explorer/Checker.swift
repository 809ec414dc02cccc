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
@_spi(Search) public struct Checker<System: TransitionSystem> {
    /// The system to explore.
    @_spi(Search) public var system: System
    /// The properties to decide.
    @_spi(Search) public var properties: [Property<System>]
    /// How to search, and when to stop early.
    @_spi(Search) public var options: SearchOptions
    /// Creates a checker.
    @_spi(Search) public init(system: System, properties: [Property<System>], options: SearchOptions = SearchOptions()) {
        self.system = system
        self.properties = properties
        self.options = options
    }

    /// Runs the search and returns a verdict for every property.
    @inlinable
    @_spi(Search) public func run() -> SearchOutcome<System.State, System.Action> { run(helpers: []) }

    /// The initial states a search takes: all of them, or under a state limit one more than it
    /// allows, so that the search knows when the limit kept some out, and lists no more.
    @inlinable
    var initialStates: [System.State] {
        guard let maxStates = options.maxStates else { return system.initialStates() }
        return system.initialStates(limit: maxStates == .max ? maxStates : max(0, maxStates) + 1)
    }

    /// Runs one search on this thread and one more per checker of `helpers`, and returns a verdict
    /// for every property. A breadth-first search only: a depth-first one runs on this thread alone.
    ///
    /// Each helper is a checker of the same system and properties that owns what its thread uses (a
    /// solver, say); its options are not used: it stops where this checker's timeout and cancellation
    /// say. The outcome does not depend on how many helpers there are.
    @inlinable
    @_spi(Search) public func run(helpers: [Checker]) -> SearchOutcome<System.State, System.Action> {
        run(helpers: helpers, levels: ValueStateBatch<System.State>.self, stack: ValueFrontier())
    }

    /// The search the options name, keeping breadth-first levels as `levels` and a depth-first stack as `stack`.
    @inlinable
    func run<Levels: StateBatch, Stack: Frontier>(
        helpers: [Checker], levels: Levels.Type, stack: @autoclosure () -> Stack
    ) -> SearchOutcome<System.State, System.Action> where Levels.State == System.State, Stack.State == System.State {
        switch (options.strategy, options.storage) {
        case (.breadthFirst, .fingerprints): levelSearch(seen: FingerprintTable<System.State>(lastsTheSearch: true), batch: levels, helpers: helpers)
        case (.breadthFirst, .exact): levelSearch(seen: ExactStateTable<System.State>(lastsTheSearch: true), batch: levels, helpers: helpers)
        case (.depthFirst, .fingerprints): depthFirstSearch(seen: FingerprintTable<System.State>(lastsTheSearch: true), frontier: stack())
        case (.depthFirst, .exact): depthFirstSearch(seen: ExactStateTable<System.State>(lastsTheSearch: true), frontier: stack())
        }
    }
}

extension Checker where System.State: PackableState {
    /// Runs the search and returns a verdict for every property, keeping the states it has yet to
    /// expand packed.
    @inlinable
    @_spi(Search) public func run() -> SearchOutcome<System.State, System.Action> { run(helpers: []) }

    /// Runs one search on this thread and one more per checker of `helpers`, keeping the states it
    /// has yet to expand packed; as `run(helpers:)` does for any system.
    @inlinable
    @_spi(Search) public func run(helpers: [Checker]) -> SearchOutcome<System.State, System.Action> {
        run(helpers: helpers, levels: PackedStateBatch<System.State>.self, stack: PackedFrontier())
    }
}
