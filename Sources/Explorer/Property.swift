/// A named property the checker decides over every reachable state or
/// transition of a system.
public struct Property<System: TransitionSystem> {
    /// Where a property is judged.
    public enum Condition {
        /// Judged at every reachable state.
        case always((System.State) -> Judgement)
        /// Judged at every transition: the source state, the step and the state it leads to.
        case alwaysOnTransition((System.State, System.Action, System.State) -> Judgement)
        /// Violated by a reachable state with no enabled step that the system does not call finished.
        case noDeadlock
    }

    /// The property's name, as reports show it.
    public var name: String
    /// Where and how the property is judged.
    public var condition: Condition

    /// Creates a property.
    public init(name: String, condition: Condition) {
        self.name = name
        self.condition = condition
    }

    /// A property judged at every reachable state.
    public static func always(_ name: String, _ judge: @escaping (System.State) -> Judgement) -> Self {
        Self(name: name, condition: .always(judge))
    }

    /// A property judged at every transition.
    public static func alwaysOnTransition(
        _ name: String, _ judge: @escaping (System.State, System.Action, System.State) -> Judgement
    ) -> Self {
        Self(name: name, condition: .alwaysOnTransition(judge))
    }

    /// The property that no reachable state is stuck.
    public static func noDeadlock(_ name: String) -> Self {
        Self(name: name, condition: .noDeadlock)
    }
}
