public import Extent

/// The verdict on one property under one policy, against what the model expects: what `check`,
/// `simulate` and `fuzz` report of each property.
public struct PropertyResult: Hashable, Sendable, Codable {
    /// The property's name.
    public var property: String
    /// Where the property is judged: `always`, `on-every-transition`, `sometimes` or `no-deadlock`.
    public var kind: ExtentProperty.Kind
    /// The verdict.
    public var verdict: Verdict { didSet { status = ResultStatus(verdict, expected: expected) } }
    /// The verdict expected: the model's `expect`, else the property's own expectation, else `holds`
    /// for a built-in invariant; nil where nothing is expected.
    public var expected: ExpectedVerdict? { didSet { status = ResultStatus(verdict, expected: expected) } }
    /// Whether the verdict is as expected, unexpected, or unknown: derived from the two above.
    public private(set) var status: ResultStatus
    /// Why the verdict is what it is, where a sentence says more: why it is unknown, or that no
    /// reachable state is an example.
    public var reason: String?
    /// The counterexample of a violated property or the example of a witnessed one: the shortest a
    /// search found, or the walk that found it, shrunk.
    public var trace: Trace?
    /// Random walks: the walk that found the violation or example, counting from 1.
    public var walk: Int?
    /// Random walks: that walk as it was taken, before shrinking.
    public var walked: Trace?

    /// Creates a result.
    public init(
        property: String, kind: ExtentProperty.Kind, verdict: Verdict, expected: ExpectedVerdict? = nil,
        reason: String? = nil, trace: Trace? = nil
    ) {
        self.property = property
        self.kind = kind
        self.verdict = verdict
        self.expected = expected
        self.status = ResultStatus(verdict, expected: expected)
        self.reason = reason
        self.trace = trace
    }

    /// Whether `trace` is an example (of a `sometimes` property) rather than a counterexample.
    public var traceIsExample: Bool { kind == .sometimes }
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

    /// The status of `verdict` against `expected`: unknown where the verdict is, or where walks found
    /// nothing of what is expected; no expectation where nothing is expected.
    public init(_ verdict: Verdict, expected: ExpectedVerdict?) {
        guard let expected else {
            self = verdict == .unknown ? .unknown : .noExpectation
            return
        }
        switch expected.isMet(by: verdict) {
        case true?: self = .asExpected
        case false?: self = .unexpected
        case nil: self = .unknown
        }
    }

    /// Orders statuses from good to bad: as expected, no expectation, unknown, unexpected.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
