/// A condition that Z3 could not decide (a solver timeout, say): the property that asked
/// is `unknown` for that state, never `holds`.
struct UndecidedComparison: Error, Sendable, CustomStringConvertible {
    /// Why Z3 gave no answer.
    var reason: String

    /// The reason, as reports show it.
    var description: String { reason }
}
