/// Whether a model under one policy admits one logged run of it (docs/conformance.md).
package enum RunConformance: Hashable, Sendable {
    /// Some path of the model takes a step for every event, in the log's order.
    case admitted(steps: [String])
    /// No path matches event `event` (counted from 0 in the run's events); `steps` is a path of the
    /// fewest steps matching every event before it, `state` the state it ends in, in lines, and
    /// `enabled` the steps enabled there.
    case refused(event: Int, steps: [String], state: [String], enabled: [String])

    /// Whether the model admits the run.
    package var isAdmitted: Bool {
        if case .admitted = self { true } else { false }
    }
}
