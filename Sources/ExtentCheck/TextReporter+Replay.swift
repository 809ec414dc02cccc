internal import Extent

extension TextReporter {
    /// A replay: the trace, its outcome, and whether that is what the model expects.
    public func render(_ report: ReplayReport) -> String {
        let document = report.document
        let heading = report.kind == .sometimes ? "example of" : "counterexample to"
        var lines = [
            "replay of the \(heading) \(document.property) in \(document.model) under \(document.policy)"
                + (report.modelFile.map { " (\($0))" } ?? ""),
            "  \(Self.count(document.trace.steps.count, "step")), \(document.data) data",
        ]
        if report.modelChanged {
            lines.append("  note: the model has changed since the trace was written (digest \(document.modelDigest) then)")
        }
        switch report.outcome {
        case .reproduced(let steps, let conclusion):
            let what = report.kind == .sometimes ? "example" : "violation"
            lines.append("  \(what) reproduced at step \(steps)")
            lines.append("  => " + conclusion)
        case .diverged(let step, let reason):
            let place = step == 0 ? "at the initial state" : "at step \(step)"
            lines.append("  the trace diverges \(place): \(reason)")
        }
        switch (report.status, report.expected) {
        case (.asExpected, let expected?): lines.append("  as expected (the model expects \(expected.rawValue))")
        case (_, let expected?): lines.append("  UNEXPECTED (the model expects \(expected.rawValue))")
        case (_, nil): lines.append("  no expectation")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
