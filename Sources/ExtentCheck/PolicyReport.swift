public import Explorer

/// The results of one policy over one model: a verdict per invariant and the figures of the search.
public struct PolicyReport: Hashable, Sendable, Codable {
    /// The policy's name.
    public var policy: String
    /// What the policy stands for.
    public var summary: String
    /// The verdicts, in the model's order of invariants.
    public var results: [PropertyResult]
    /// Figures of the search.
    public var search: SearchStatistics
    /// Figures of the solver's work; nil in concrete mode, where none is needed.
    public var solver: SolverStatistics?
    /// The chance that two distinct states shared a fingerprint; 0 with exact storage.
    public var collisionProbability: Double
    /// The limit that ended the search early, if one did.
    public var limit: String?
    /// Where the search went, step by step, when the check counted coverage (`CheckOptions.coverage`);
    /// nil otherwise.
    public var coverage: CoverageReport? = nil

    /// The worst status among the results.
    public var status: ResultStatus { results.map(\.status).max() ?? .asExpected }
}

/// Figures of the solver's work on one policy.
public struct SolverStatistics: Hashable, Sendable, Codable {
    /// Queries sent to Z3.
    public var calls: Int
    /// Time Z3 took on them, in seconds.
    public var seconds: Double
    /// Questions answered from the cache of shapes, without a query.
    public var cacheHits: Int
    /// Questions answered because both sides were the same words, without a query.
    public var identical: Int
}

extension PolicyReport {
    /// The result of the property named `property`, if it was checked.
    public func result(of property: String) -> PropertyResult? {
        results.first { $0.property == property }
    }
}
