public import Extent

/// The verdict on one invariant under one policy, against what the model expects.
public struct InvariantResult: Hashable, Sendable, Codable {
    /// The invariant.
    public var invariant: Invariant
    /// The verdict.
    public var verdict: Verdict
    /// The verdict the model expects; nil where it expects nothing (then `holds` is as expected).
    public var expected: ExpectedVerdict?
    /// Why the verdict is unknown, if it is.
    public var reason: String?
    /// The counterexample, if the invariant is violated.
    public var trace: Trace?

    /// Whether the verdict is as expected, unexpected, or unknown.
    public var status: ResultStatus {
        switch verdict {
        case .unknown: .unknown
        case .holds: (expected ?? .holds) == .holds ? .asExpected : .unexpected
        case .violated: expected == .violated ? .asExpected : .unexpected
        }
    }

    private enum CodingKeys: String, CodingKey {
        case invariant, verdict, expected, status, reason, trace
    }

    /// Creates a result.
    public init(
        invariant: Invariant, verdict: Verdict, expected: ExpectedVerdict? = nil, reason: String? = nil,
        trace: Trace? = nil
    ) {
        self.invariant = invariant
        self.verdict = verdict
        self.expected = expected
        self.reason = reason
        self.trace = trace
    }

    /// Decodes a result; its status is derived, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        invariant = try container.decode(Invariant.self, forKey: .invariant)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        expected = try container.decodeIfPresent(ExpectedVerdict.self, forKey: .expected)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        trace = try container.decodeIfPresent(Trace.self, forKey: .trace)
    }

    /// Encodes the result, its status included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(invariant, forKey: .invariant)
        try container.encode(verdict, forKey: .verdict)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(trace, forKey: .trace)
    }
}

/// How a result compares with the model's expectation.
public enum ResultStatus: String, Hashable, Sendable, Codable, Comparable {
    /// The verdict is the expected one (or `holds` where nothing is expected).
    case asExpected = "as-expected"
    /// The verdict was not decided.
    case unknown
    /// The verdict differs from the expected one.
    case unexpected

    private var rank: Int {
        switch self {
        case .asExpected: 0
        case .unknown: 1
        case .unexpected: 2
        }
    }

    /// Orders statuses from good to bad: as expected, unknown, unexpected.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
