/// One word of a state, as an opaque term: a symbolic variable, or a value in `concrete:K` mode.
///
/// Words have no public value: two symbolic words with different names may still hold the same
/// value. `a == b` and `a != b` are `Condition`s, which the checker decides as part of a `Finding`:
/// with Z3 in symbolic mode, on the values in concrete mode.
public struct Word: Sendable {
    let term: UInt32
}
