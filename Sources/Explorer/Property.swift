/// A named property the checker decides over every reachable state or
/// transition of a system.
@_spi(Search) public struct Property<System: TransitionSystem> {
    /// Where a property is judged.
    @_spi(Search) public enum Condition {
        /// Judged at every reachable state.
        case always((System.State) -> Judgement)
        /// Judged at every transition: the source state, the step and the state it leads to.
        case onEveryTransition((System.State, System.Action, System.State) -> Judgement)
        /// Looked for at every reachable state: the property holds once some state satisfies the judgement
        /// (the judgement says `.holds` there), and is violated if none does.
        case sometimes((System.State) -> Judgement)
        /// Violated by a reachable state with no enabled step that the system does not call finished.
        case noDeadlock
    }

    /// The property's name, as reports show it.
    @_spi(Search) public var name: String
    /// Where and how the property is judged.
    @_spi(Search) public var condition: Condition

    /// Creates a property.
    @_spi(Search) public init(name: String, condition: Condition) {
        self.name = name
        self.condition = condition
    }

    /// A property judged at every reachable state.
    @_spi(Search) public static func always(_ name: String, _ judge: @escaping (System.State) -> Judgement) -> Self {
        Self(name: name, condition: .always(judge))
    }

    /// A property judged at every transition.
    @_spi(Search) public static func onEveryTransition(
        _ name: String, _ judge: @escaping (System.State, System.Action, System.State) -> Judgement
    ) -> Self {
        Self(name: name, condition: .onEveryTransition(judge))
    }

    /// A property that some reachable state satisfies: the search keeps a shortest path to the first one.
    @_spi(Search) public static func sometimes(_ name: String, _ judge: @escaping (System.State) -> Judgement) -> Self {
        Self(name: name, condition: .sometimes(judge))
    }

    /// Whether the property looks for an example rather than a counterexample.
    @_spi(Search) public var looksForExample: Bool {
        if case .sometimes = condition { true } else { false }
    }

    /// The property that no reachable state is stuck.
    @_spi(Search) public static func noDeadlock(_ name: String) -> Self {
        Self(name: name, condition: .noDeadlock)
    }
}
