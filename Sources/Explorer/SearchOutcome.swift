/// The result of one search: a verdict for every property, the figures of
/// the search, and the limit that ended it early, if one did.
@_spi(Search) public struct SearchOutcome<State, Action> {
    /// The verdict on each property, in the order the properties were given.
    @_spi(Search) public var verdicts: [(name: String, verdict: PropertyOutcome<State, Action>)]
    /// Figures of the search.
    @_spi(Search) public var statistics: SearchStatistics
    /// The limit that stopped the search before it reached every state, if any.
    @_spi(Search) public var limit: SearchLimit?
    /// What the search counted per coverage key, as `[System.CoverageKey: StepCoverage]`, when its
    /// options asked for coverage: `Checker.coverage(in:)` reads it.
    @usableFromInline var coverage: (any Sendable)?

    /// Creates an outcome.
    @_spi(Search) public init(
        verdicts: [(name: String, verdict: PropertyOutcome<State, Action>)], statistics: SearchStatistics,
        limit: SearchLimit?
    ) {
        self.verdicts = verdicts
        self.statistics = statistics
        self.limit = limit
    }

    /// The verdict on the named property, if it was checked.
    @_spi(Search) public func verdict(named name: String) -> PropertyOutcome<State, Action>? {
        verdicts.first { $0.name == name }?.verdict
    }

    /// Whether the search reached every reachable state.
    @_spi(Search) public var isExhaustive: Bool { limit == nil }
}

extension SearchOutcome: Sendable where State: Sendable, Action: Sendable {}
