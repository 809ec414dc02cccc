/// How a recorded trace fares when it is run again on a model.
public enum TraceReplay: Hashable, Sendable {
    /// Every step ran as recorded and reached the recorded state, and the last state (or step)
    /// violates the property, or for a `sometimes` property is its example, with the trace's values;
    /// `conclusion` is the property's sentence on it, with those values.
    case reproduced(steps: Int, conclusion: String)
    /// The trace leaves the model at step `step` (0: the initial state), for `reason`.
    case diverged(step: Int, reason: String)
}
