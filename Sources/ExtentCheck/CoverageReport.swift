public import Extent

/// Where one policy's search went: how often it took each kind of step by each actor and how many
/// new states those steps first reached, and the steps the model has that no reachable state
/// enables. The counts are those of the search as it ran: under a reduction, of the reduced search.
public struct CoverageReport: Hashable, Sendable, Codable {
    /// A kind of step and who takes it.
    public struct Step: Hashable, Sendable, Codable {
        /// The kind of step, as traces name it.
        public var kind: StepView.Kind
        /// For a `complete` or a read's `check`, whether it fails; nil for other kinds.
        public var fails: Bool?
        /// Who takes it, as traces name it: a writer, mutator, reader or scrubber by name, `flusher`,
        /// `kernel`, `device` or `power`.
        public var actor: String

        /// Creates a step.
        public init(kind: StepView.Kind, fails: Bool? = nil, actor: String) {
            (self.kind, self.fails, self.actor) = (kind, fails, actor)
        }
    }

    /// The counts of one kind of step by one actor.
    public struct Row: Hashable, Sendable, Codable {
        /// The kind of step, as traces name it.
        public var kind: StepView.Kind
        /// For a `complete` or a read's `check`, whether it fails; nil for other kinds.
        public var fails: Bool?
        /// Who takes it, as traces name it.
        public var actor: String
        /// How often the search took it, including steps to a state seen before.
        public var transitions: Int
        /// How many distinct states it reached first: the states the breadth-first search on one
        /// thread reaches by it, whatever the number of threads.
        public var states: Int

        /// Creates a row.
        public init(step: Step, transitions: Int, states: Int) {
            (kind, fails, actor) = (step.kind, step.fails, step.actor)
            (self.transitions, self.states) = (transitions, states)
        }

        /// The kind of step and its actor.
        public var step: Step { Step(kind: kind, fails: fails, actor: actor) }
    }

    /// A row for every step the search took, in the model's order of actors, then of kinds.
    public var steps: [Row]
    /// The steps the model has the actor and the mechanism for that the search never took, in the
    /// same order: no reachable state enables them.
    public var neverEnabled: [Step]

    /// Creates a report.
    public init(steps: [Row], neverEnabled: [Step]) {
        (self.steps, self.neverEnabled) = (steps, neverEnabled)
    }

    /// The row of `kind` by `actor`, if the search took it; a `complete` or `check` that `fails` or not.
    public func row(_ kind: StepView.Kind, fails: Bool? = nil, by actor: String) -> Row? {
        steps.first { $0.step == Step(kind: kind, fails: fails, actor: actor) }
    }
}
