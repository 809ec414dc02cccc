/// A comparison of terms that Z3 could not decide (a solver timeout, say): the property that asked
/// is `unknown` for that state, never `holds`.
public struct UndecidedComparison: Error, Sendable, CustomStringConvertible {
    /// Why Z3 gave no answer.
    public var reason: String

    /// The reason, as reports show it.
    public var description: String { reason }
}
