/// Figures of one search.
public struct SearchStatistics: Hashable, Sendable, Codable {
    /// Distinct states reached, initial states included.
    public var states: Int = 0
    /// Initial states.
    public var initialStates: Int = 0
    /// Steps taken from expanded states, including those that lead to a state seen before.
    public var transitions: Int = 0
    /// The greatest depth of a reached state (initial states have depth 0).
    public var maxDepth: Int = 0
    /// Wall-clock time of the search, in seconds.
    public var seconds: Double = 0

    /// Creates empty statistics.
    public init() {}

    /// Distinct states reached per second.
    public var statesPerSecond: Double {
        seconds > 0 ? Double(states) / seconds : 0
    }
}
