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
    /// What is expected of the property under the policy (the model's `expect`, else the property's
    /// own, else `holds` for a built-in invariant); nil where nothing is.
    public var expected: ExpectedVerdict?

    /// What the replay shows, as `check` would say it: a reproduced trace is a violation (for a
    /// `sometimes` property, an example: `witnessed`); a trace that diverges shows nothing
    /// (`holds`, or for a `sometimes` property, `violated`).
    public var verdict: Verdict {
        let reproduced = if case .reproduced = outcome { true } else { false }
        return switch (reproduced, kind == .sometimes) {
        case (true, true): .witnessed
        case (true, false): .violated
        case (false, true): .violated
        case (false, false): .holds
        }
    }

    /// As expected when a violation reproduces where a violation is expected, or nothing does where
    /// none is; no expectation where nothing is expected.
    public var status: ResultStatus { ResultStatus(verdict, expected: expected) }
}
