/// A run of a system: an initial state and the steps taken from it, each
/// with the state it led to.
@_spi(Search) public struct Path<State, Action> {
    /// The state the run starts in.
    @_spi(Search) public var initialState: State
    /// The steps of the run, in order.
    @_spi(Search) public var steps: [(action: Action, state: State)]

    /// Creates a path.
    @_spi(Search) public init(initialState: State, steps: [(action: Action, state: State)] = []) {
        self.initialState = initialState
        self.steps = steps
    }

    /// The state the run ends in.
    @_spi(Search) public var finalState: State { steps.last?.state ?? initialState }

    /// The actions of the run, in order.
    @_spi(Search) public var actions: [Action] { steps.map(\.action) }

    /// How often consecutive steps are taken by different actors: the context switches a reader follows.
    @inlinable
    @_spi(Search) public func contextSwitches(actor: (Action) -> String) -> Int {
        zip(steps, steps.dropFirst()).filter { actor($0.action) != actor($1.action) }.count
    }
}

extension Path: Sendable where State: Sendable, Action: Sendable {}
