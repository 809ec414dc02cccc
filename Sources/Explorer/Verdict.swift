/// What the checker says of one property: the one vocabulary of `check`, `simulate`, `fuzz`,
/// `merge`, the JSON reports and the Swift API.
///
/// An exhaustive search answers `holds`, `violated`, `witnessed` or `unknown`. Random walks prove
/// nothing by finding nothing, so they answer `violated` or `witnessed` when a walk finds one, and
/// otherwise `notViolated` or `notWitnessed`, never `holds`.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every reachable state and transition satisfies the property, for every value of every
    /// symbolic word.
    case holds
    /// A reachable state or transition violates the property, and the trace leads there. For a
    /// `sometimes` property: the search was exhaustive and no reachable state is an example.
    case violated
    /// A `sometimes` property: a reachable state is an example, and the trace leads there.
    case witnessed
    /// Random walks: no walk violated the property. Not a proof.
    case notViolated = "not-violated"
    /// Random walks: no walk reached an example of the `sometimes` property. Not a proof either.
    case notWitnessed = "not-witnessed"
    /// Not decided: the solver answered unknown, a limit ended the search, or a judgement failed;
    /// the result says why.
    case unknown

    /// Whether the verdict comes with a trace to a violation or an example.
    public var isFound: Bool { self == .violated || self == .witnessed }
}
