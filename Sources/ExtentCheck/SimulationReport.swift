public import Explorer

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
    /// The crashes every walk could take (§10); nil for none.
    public var crashes: Int?
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
        public var results: [PropertyResult]
    }

    /// The worst status among all results.
    public var status: ResultStatus { policies.flatMap(\.results).map(\.status).max() ?? .asExpected }
}
