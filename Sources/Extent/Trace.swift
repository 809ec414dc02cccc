/// A counterexample as people read it: the initial values, then numbered
/// steps, each with its actor, what it did and what it changed, a last
/// sentence saying what is wrong in the final state, and for a built-in
/// invariant an explanation of where each side of the failing comparison
/// came from.
public struct Trace: Hashable, Sendable, Codable {
    /// One part of the state that a step changed.
    public struct Change: Hashable, Sendable, Codable {
        /// The part, e.g. `guest-page block 0` or `stored block 0 csum`.
        public var what: String
        /// Its value before the step; nil where the part did not exist.
        public var before: String?
        /// Its value after the step; nil where the part is gone.
        public var after: String?

        /// Creates a change.
        public init(what: String, before: String?, after: String?) {
            self.what = what
            self.before = before
            self.after = after
        }
    }

    /// One atomic step of the trace.
    public struct Step: Hashable, Sendable, Codable {
        /// The step's number, from 1.
        public var number: Int
        /// Who took the step: a writer or mutator by name, `flusher`, `kernel` or `device`.
        public var actor: String
        /// The step, e.g. `csum bio qemu block 0`.
        public var step: String
        /// What the step changed.
        public var changes: [Change]

        /// Creates a step.
        public init(number: Int, actor: String, step: String, changes: [Change]) {
            self.number = number
            self.actor = actor
            self.step = step
            self.changes = changes
        }
    }

    /// The state the trace starts in, part by part.
    public var initial: [Change]
    /// The steps, in order.
    public var steps: [Step]
    /// What is wrong in the last state.
    public var conclusion: String
    /// Why, for a built-in invariant: which block and mirror, the steps that computed or read each
    /// side of the failing comparison and what changed in between, and the comparison with its
    /// values, one sentence a line. Empty for a property stated in Swift.
    public var explanation: [String]
    /// Every state of the trace for tools, the initial state first, then the state after each step:
    /// the parts of `ExtentModel.snapshotParts` with the trace's values.
    public var states: [[String: TraceValue]]

    /// Creates a trace.
    public init(
        initial: [Change], steps: [Step], conclusion: String, explanation: [String] = [],
        states: [[String: TraceValue]] = []
    ) {
        self.initial = initial
        self.steps = steps
        self.conclusion = conclusion
        self.explanation = explanation
        self.states = states
    }

    private enum CodingKeys: String, CodingKey {
        case initial, steps, conclusion, explanation, states
    }

    /// Decodes a trace; one written without an explanation has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        initial = try container.decode([Change].self, forKey: .initial)
        steps = try container.decode([Step].self, forKey: .steps)
        conclusion = try container.decode(String.self, forKey: .conclusion)
        explanation = try container.decodeIfPresent([String].self, forKey: .explanation) ?? []
        states = try container.decodeIfPresent([[String: TraceValue]].self, forKey: .states) ?? []
    }
}
