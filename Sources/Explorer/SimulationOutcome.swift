/// What a simulation found: per property, in the order given, its verdict; and how far it walked.
public struct SimulationOutcome<State, Action> {
    /// One verdict per property.
    public var verdicts: [SimulationVerdict<State, Action>]
    /// The walks taken.
    public var walks = 0
    /// The steps taken over all walks.
    public var steps = 0
    /// The time the walks and the shrinking took, in seconds.
    public var seconds = 0.0
    /// The limit that ended the simulation early, if one did.
    public var limit: SearchLimit?
}

/// The verdict of a simulation on one property.
public enum SimulationVerdict<State, Action> {
    /// No walk violated the property (or, for a `sometimes` property, found an example): not a proof.
    case notViolated
    /// Walk `walk` violated it along `found`, which shrank to `shrunk`.
    case violated(found: Path<State, Action>, shrunk: Path<State, Action>, walk: Int)
    /// A `sometimes` property: walk `walk` reached an example along `found`, which shrank to `shrunk`.
    case witnessed(found: Path<State, Action>, shrunk: Path<State, Action>, walk: Int)
    /// Some judgement could not be decided, for the reason given, and no walk violated the property.
    case unknown(reason: String)

    /// Whether later walks may still change the verdict.
    var isOpen: Bool {
        switch self {
        case .notViolated, .unknown: true
        case .violated, .witnessed: false
        }
    }
}

extension SimulationOutcome: Sendable where State: Sendable, Action: Sendable {}
extension SimulationVerdict: Sendable where State: Sendable, Action: Sendable {}
