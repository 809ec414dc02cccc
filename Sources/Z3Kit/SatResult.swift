/// The answer of a satisfiability check.
package enum SatResult: Equatable, Sendable {
    /// The assertions have a model.
    case sat
    /// The assertions have no model.
    case unsat
    /// Z3 gave up (timeout, cancellation, incompleteness); `reason` is Z3's explanation.
    case unknown(reason: String)
}
