public import Explorer
public import Extent

/// What random walks over one model found: per policy, per property, a violation with the walk
/// that found it before and after shrinking, or none (which proves nothing).
public struct SimulationReport: Hashable, Sendable, Codable {
    /// The model's name.
    public var model: String
    /// The model file's path, if the model came from one.
    public var file: String?
    /// How the walks were taken: their number, depth, seed and bias.
    public var walks: Int
    /// The most steps of one walk.
    public var depth: Int
    /// The seed of the walks' choices.
    public var seed: UInt64
    /// How steps were chosen: `uniform` or `few-switches`.
    public var bias: String
    /// The swarm run this was, if it was one.
    public var swarm: SwarmMember?
    /// The runs merged into this report: 1 but for `merged(_:)`'s.
    public var runs = 1
    /// One entry per policy, in the model's order.
    public var policies: [Policy]

    /// The walks over one policy.
    public struct Policy: Hashable, Sendable, Codable {
        /// The policy's name.
        public var policy: String
        /// The walks taken (fewer than asked if every property was decided or a limit hit).
        public var walks: Int
        /// The steps taken over all walks.
        public var steps: Int
        /// The time the walks and the shrinking took, in seconds.
        public var seconds: Double
        /// The limit that ended the walks early, if one did.
        public var limit: String?
        /// One result per property, in the model's order.
        public var results: [Result]
    }

    /// What the walks found of one property.
    public struct Result: Hashable, Sendable, Codable {
        /// What the walks found.
        public enum Finding: String, Hashable, Sendable, Codable {
            /// A walk violated the property.
            case violated
            /// A walk reached an example of a `sometimes` property.
            case witnessed
            /// No walk violated the property: not a proof.
            case notViolated = "not-violated"
            /// No walk reached an example of a `sometimes` property: not a proof either.
            case notWitnessed = "not-witnessed"
            /// Some judgement could not be decided and nothing was found.
            case unknown
        }

        /// The property's name.
        public var property: String
        /// What the walks found.
        public var finding: Finding
        /// The verdict the model expects, if any.
        public var expected: ExpectedVerdict?
        /// Why the finding is unknown, if it is.
        public var reason: String?
        /// The walk that found the violation or example, counting from 1.
        public var walk: Int?
        /// That walk as it was taken, up to the violation.
        public var found: Trace?
        /// The same violation, shrunk.
        public var shrunk: Trace?

        /// As expected when the finding agrees with the model's `expect` (finding nothing agrees
        /// with `holds`, and for a `sometimes` property with `violated`), unexpected when a walk
        /// finds what the model says cannot be, unknown when no walk finds what the model expects
        /// or a judgement was undecided; no expectation where nothing is expected.
        public var status: ResultStatus {
            guard let expected else { return finding == .unknown ? .unknown : .noExpectation }
            switch (finding, expected) {
            case (.violated, .violated), (.notViolated, .holds), (.witnessed, .holds), (.witnessed, .witnessed),
                (.notWitnessed, .violated):
                return .asExpected
            case (.violated, .holds), (.witnessed, .violated), (.violated, .witnessed), (.notViolated, .witnessed):
                return .unexpected
            case (.notViolated, .violated), (.notWitnessed, .holds), (.notWitnessed, .witnessed), (.unknown, _):
                return .unknown
            }
        }

        private enum CodingKeys: String, CodingKey {
            case property, finding, expected, status, reason, walk, found, shrunk
        }

        /// Creates a result.
        public init(
            property: String, finding: Finding, expected: ExpectedVerdict? = nil, reason: String? = nil,
            walk: Int? = nil, found: Trace? = nil, shrunk: Trace? = nil
        ) {
            self.property = property
            self.finding = finding
            self.expected = expected
            self.reason = reason
            self.walk = walk
            self.found = found
            self.shrunk = shrunk
        }

        /// Decodes a result; its status is derived, not read.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            property = try container.decode(String.self, forKey: .property)
            finding = try container.decode(Finding.self, forKey: .finding)
            expected = try container.decodeIfPresent(ExpectedVerdict.self, forKey: .expected)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
            walk = try container.decodeIfPresent(Int.self, forKey: .walk)
            found = try container.decodeIfPresent(Trace.self, forKey: .found)
            shrunk = try container.decodeIfPresent(Trace.self, forKey: .shrunk)
        }

        /// Encodes the result, its status included.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(property, forKey: .property)
            try container.encode(finding, forKey: .finding)
            try container.encodeIfPresent(expected, forKey: .expected)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encodeIfPresent(walk, forKey: .walk)
            try container.encodeIfPresent(found, forKey: .found)
            try container.encodeIfPresent(shrunk, forKey: .shrunk)
        }
    }

    /// The worst status among all results.
    public var status: ResultStatus { policies.flatMap(\.results).map(\.status).max() ?? .asExpected }
}
