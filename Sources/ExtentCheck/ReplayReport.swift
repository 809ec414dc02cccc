public import Extent

/// What replaying a trace on a model found, against what the model expects of the property.
public struct ReplayReport: Hashable, Sendable {
    /// The trace replayed.
    public var document: TraceDocument
    /// Where the property is judged, as the checker knows it (not as the file says).
    public var kind: ExtentProperty.Kind
    /// The model file it was replayed on, if it came from one.
    public var modelFile: String?
    /// Whether the trace reproduced, or where and why it diverged.
    public var outcome: TraceReplay
    /// Whether the model differs from the one the trace was found on (its digest changed).
    public var modelChanged: Bool
    /// What the model expects of the property under the policy; nil where it expects nothing.
    public var expected: ExpectedVerdict?

    /// A reproduced trace is a violation, as `check` would report (an example, for a `sometimes`
    /// property: it holds); a trace that diverges shows nothing. As expected when a violation
    /// reproduces where the model expects one, or nothing does where it expects none.
    public var status: ResultStatus {
        let reproduced = if case .reproduced = outcome { true } else { false }
        let violates = reproduced != (kind == .sometimes)
        let expectsViolation = (expected ?? .holds) == .violated
        return violates == expectsViolation ? .asExpected : .unexpected
    }
}
