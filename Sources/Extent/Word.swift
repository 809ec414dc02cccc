/// One word of a state, as an opaque term: a symbolic variable, or a value in `concrete:K` mode.
///
/// Words have no public value and no `==`: two symbolic words with different names may still hold
/// the same value. Compare them through the state they came from, `StateView.mayDiffer(_:_:)` or
/// `StateView.mustEqual(_:_:)`, which ask Z3 in symbolic mode and compare values in concrete mode.
public struct Word: Sendable {
    let term: UInt32
}
