import Extent

/// What a Promela model cannot say of a scenario.
public enum PromelaError: Error, Equatable, CustomStringConvertible {
    /// Words take this many values: a Promela model takes what `concrete:K` does, a byte's worth.
    case values(Int)
    /// An invariant was named that the scenario does not decide.
    case unknownInvariant(String, known: [String])
    /// A property stated in Swift: only the built-in invariants have a Promela form.
    case notBuiltIn(String)
    /// A writer's script is too long for a byte's step counter.
    case scriptTooLong(String)
    /// A mutator's budget is too large for a byte.
    case budgetTooLarge(String)

    public var description: String {
        switch self {
        case .values(let values):
            "concrete:\(values): a Promela model takes words of 1 to \(DataMode.maximumConcreteValues) values"
        case .unknownInvariant(let name, let known):
            "the model does not decide '\(name)'; it decides \(known.joined(separator: ", "))"
        case .notBuiltIn(let name):
            "'\(name)' is stated in Swift: only built-in invariants can be written in Promela"
        case .scriptTooLong(let writer):
            "\(writer)'s script has more steps than a Promela byte counts"
        case .budgetTooLarge(let mutator):
            "\(mutator)'s budget is larger than a Promela byte holds"

        }
    }
}
