/// The result of one search: a verdict for every property, the figures of
/// the search, and the limit that ended it early, if one did.
public struct SearchOutcome<State, Action> {
    /// The verdict on each property, in the order the properties were given.
    public var verdicts: [(name: String, verdict: PropertyVerdict<State, Action>)]
    /// Figures of the search.
    public var statistics: SearchStatistics
    /// The limit that stopped the search before it reached every state, if any.
    public var limit: SearchLimit?

    /// Creates an outcome.
    public init(
        verdicts: [(name: String, verdict: PropertyVerdict<State, Action>)], statistics: SearchStatistics,
        limit: SearchLimit?
    ) {
        self.verdicts = verdicts
        self.statistics = statistics
        self.limit = limit
    }

    /// The verdict on the named property, if it was checked.
    public func verdict(named name: String) -> PropertyVerdict<State, Action>? {
        verdicts.first { $0.name == name }?.verdict
    }

    /// Whether the search reached every reachable state.
    public var isExhaustive: Bool { limit == nil }
}

extension SearchOutcome: Sendable where State: Sendable, Action: Sendable {}
