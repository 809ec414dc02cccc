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

    /// A reproduced trace is a violation, as `check` would report (an example, for a `sometimes`
    /// property: it holds); a trace that diverges shows nothing. As expected when a violation
    /// reproduces where a violation is expected, or nothing does where none is; no expectation
    /// where nothing is expected.
    public var status: ResultStatus {
        guard let expected else { return .noExpectation }
        let reproduced = if case .reproduced = outcome { true } else { false }
        let holds = reproduced == (kind == .sometimes)
        return expected.isMet(by: kind, holds: holds) ? .asExpected : .unexpected
    }
}
