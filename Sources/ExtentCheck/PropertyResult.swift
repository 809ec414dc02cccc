public import Extent

/// The verdict on one property under one policy, against what the model expects.
public struct PropertyResult: Hashable, Sendable, Codable {
    /// The property's name.
    public var property: String
    /// Where the property is judged: `always`, `on-every-transition`, `sometimes` or `no-deadlock`.
    public var kind: ExtentProperty.Kind
    /// The verdict. For a `sometimes` property, `holds` means some reachable state is an example.
    public var verdict: Verdict
    /// The verdict expected: the model's `expect`, else the property's own expectation, else `holds`
    /// for a built-in invariant; nil where nothing is expected.
    public var expected: ExpectedVerdict?
    /// Why the verdict is unknown, if it is.
    public var reason: String?
    /// The counterexample of a violated property, or the example of a `sometimes` property that holds.
    public var trace: Trace?

    /// Whether the verdict is as expected, unexpected, or unknown.
    public var status: ResultStatus {
        switch (verdict, expected) {
        case (.unknown, _): .unknown
        case (_, nil): .noExpectation
        case (_, let expected?): expected.isMet(by: kind, holds: verdict == .holds) ? .asExpected : .unexpected
        }
    }

    /// Whether `trace` is an example (of a `sometimes` property) rather than a counterexample.
    public var traceIsExample: Bool { kind == .sometimes }

    private enum CodingKeys: String, CodingKey {
        case property, kind, verdict, expected, status, reason, trace
    }

    /// Creates a result.
    public init(
        property: String, kind: ExtentProperty.Kind, verdict: Verdict, expected: ExpectedVerdict? = nil,
        reason: String? = nil, trace: Trace? = nil
    ) {
        self.property = property
        self.kind = kind
        self.verdict = verdict
        self.expected = expected
        self.reason = reason
        self.trace = trace
    }

    /// Decodes a result; its status is derived, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        property = try container.decode(String.self, forKey: .property)
        kind = try container.decode(ExtentProperty.Kind.self, forKey: .kind)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        expected = try container.decodeIfPresent(ExpectedVerdict.self, forKey: .expected)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        trace = try container.decodeIfPresent(Trace.self, forKey: .trace)
    }

    /// Encodes the result, its status included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(property, forKey: .property)
        try container.encode(kind, forKey: .kind)
        try container.encode(verdict, forKey: .verdict)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(trace, forKey: .trace)
    }
}

/// How a result compares with the model's expectation.
public enum ResultStatus: String, Hashable, Sendable, Codable, Comparable {
    /// The verdict is the expected one.
    case asExpected = "as-expected"
    /// Nothing is expected of the property: a property stated in Swift without an expectation.
    case noExpectation = "no-expectation"
    /// The verdict was not decided.
    case unknown
    /// The verdict differs from the expected one.
    case unexpected

    private var rank: Int {
        switch self {
        case .asExpected: 0
        case .noExpectation: 1
        case .unknown: 2
        case .unexpected: 3
        }
    }

    /// Orders statuses from good to bad: as expected, no expectation, unknown, unexpected.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
