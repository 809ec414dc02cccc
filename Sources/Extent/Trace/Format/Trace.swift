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
        /// The step in words, e.g. `csum bio qemu block 0`: for people; `replay` goes by `action`.
        public var step: String
        /// The step as data: what `replay` matches it by.
        public var action: TraceAction
        /// What the step changed.
        public var changes: [Change]

        /// Creates a step.
        public init(number: Int, actor: String, step: String, action: TraceAction, changes: [Change]) {
            self.number = number
            self.actor = actor
            self.step = step
            self.action = action
            self.changes = changes
        }

        private enum CodingKeys: String, CodingKey {
            case number, actor, step, action, changes
        }

        /// Decodes a step; one of the previous release, which has no `action`, has it read from its text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            actor = try container.decode(String.self, forKey: .actor)
            step = try container.decode(String.self, forKey: .step)
            changes = try container.decode([Change].self, forKey: .changes)
            if let action = try container.decodeIfPresent(TraceAction.self, forKey: .action) {
                self.action = action
            } else if let action = TraceAction(previousReleaseStep: step, actor: actor) {
                self.action = action
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .action, in: container, debugDescription: "the step has no action, and `\(step)` is not a step")
            }
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

    /// Decodes a trace; one written without an explanation has none, and states of the previous
    /// release are read into the current shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        initial = try container.decode([Change].self, forKey: .initial)
        steps = try container.decode([Step].self, forKey: .steps)
        conclusion = try container.decode(String.self, forKey: .conclusion)
        explanation = try container.decodeIfPresent([String].self, forKey: .explanation) ?? []
        states = try container.decodeIfPresent([[String: TraceValue]].self, forKey: .states)?
            .map(ExtentModel.snapshot(fromPreviousRelease:)) ?? []
    }
}
