public import Explorer

/// The verdict an author expects for one property under one policy: the `Verdict`s a model file's
/// `expect` may name.
public enum ExpectedVerdict: String, Hashable, Sendable, Codable {
    /// The property holds: no reachable state violates it. For a `sometimes` property, a reachable
    /// state is an example: it is `witnessed`.
    case holds
    /// The property is violated: some reachable state violates it. For a `sometimes` property, no
    /// reachable state is an example.
    case violated
    /// A `sometimes` property's example is reachable: the same expectation as `holds`, said as the
    /// author of a `sometimes` property means it.
    case witnessed

    /// Whether `verdict` is what this expects: true or false, or nil when the verdict cannot say
    /// (it is `unknown`, or walks found nothing where something was expected).
    public func isMet(by verdict: Verdict) -> Bool? {
        switch (verdict, self) {
        case (.unknown, _): nil
        case (.holds, .holds), (.witnessed, .holds), (.witnessed, .witnessed), (.violated, .violated): true
        case (.notViolated, .holds), (.notWitnessed, .violated): true
        case (.notViolated, .violated), (.notWitnessed, .holds), (.notWitnessed, .witnessed): nil
        case (.holds, _), (.violated, _), (.witnessed, .violated), (.notViolated, .witnessed): false
        }
    }
}
