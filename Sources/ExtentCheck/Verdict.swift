/// The checker's verdict on one invariant under one policy.
public enum Verdict: String, Hashable, Sendable, Codable {
    /// No reachable state violates the invariant, for every value of every symbolic word.
    case holds
    /// A reachable state violates it: the result carries the trace.
    case violated
    /// Not decided: the solver answered unknown, or a limit ended the search; the result says why.
    case unknown
}
