public import Extent

/// Whether one policy admits a logged run: every run of the model in the log, or the first it refuses.
public struct PolicyConformance: Hashable, Sendable, Codable {
    /// The policy's name.
    public var policy: String
    /// Whether the policy admits every run of the log.
    public var admits: Bool
    /// The runs searched: runs with the same events are searched once.
    public var runsSearched: Int
    /// The first run the policy refuses, in the log's order, and where.
    public var refusal: Refusal?
    /// Wall-clock seconds the policy took.
    public var seconds: Double

    /// Where a policy refuses a run, and the model's state there.
    public struct Refusal: Hashable, Sendable, Codable {
        /// The log's line of the first event no path of the model matches.
        public var line: Int
        /// That event's kind.
        public var event: EventKind
        /// The actor it names, if any.
        public var actor: String?
        /// The run it belongs to.
        public var slot: Int
        /// The pass it belongs to.
        public var pass: Int
        /// How many of the run's events a path matched before it.
        public var matched: Int
        /// The steps of a path of the fewest steps that matches them.
        public var steps: [String]
        /// The model's state where that path ends, in lines.
        public var state: [String]
        /// The steps enabled there.
        public var enabled: [String]
    }
}
