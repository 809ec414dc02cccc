/// What a search counted of the steps of one coverage key (`TransitionSystem.coverageKey(of:)`).
public struct StepCoverage: Hashable, Sendable, Codable {
    /// Steps of the key taken from expanded states, including those that lead to a state seen before.
    public var transitions: Int
    /// Distinct states first reached by a step of the key: in a breadth-first search, by the step
    /// that the search on one thread would have reached them by, whatever the number of threads.
    public var states: Int

    /// Creates a count.
    public init(transitions: Int = 0, states: Int = 0) {
        (self.transitions, self.states) = (transitions, states)
    }
}
