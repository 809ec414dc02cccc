/// The checker's verdict on one property over every state it reached.
public enum PropertyVerdict<State, Action> {
    /// No reachable state or transition violates the property.
    case holds
    /// A reachable state or transition violates it; the path leads there.
    case violated(Path<State, Action>)
    /// A `sometimes` property: a reachable state satisfies it, and the path leads there.
    case witnessed(Path<State, Action>)
    /// A `sometimes` property: no reachable state satisfies it.
    case neverWitnessed
    /// The property was not decided, for the reason given.
    case unknown(reason: String)
}

extension PropertyVerdict: Sendable where State: Sendable, Action: Sendable {}

extension PropertyVerdict {
    /// The path to the counterexample or example, if the verdict has one.
    public var path: Path<State, Action>? {
        switch self {
        case .violated(let path), .witnessed(let path): path
        case .holds, .neverWitnessed, .unknown: nil
        }
    }
}
