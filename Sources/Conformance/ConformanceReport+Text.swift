internal import ExtentCheck
internal import Foundation

extension ConformanceReport {
    /// The report for people: the log and model, then per policy whether it admits the run, and for
    /// a policy that does not, the event it refuses, the path that matched the events before it, the
    /// model's state there and the steps that were enabled; last, the policies the run is consistent with.
    public var text: String {
        let count = TextReporter.count
        var lines = [
            "conform \(log) against \(model)\(kernel.map { " (Linux \($0))" } ?? ""): "
                + "\(count(events, "event")) in \(count(runs, "run")) of the model, \(data) data",
            "  observes: \(observes.map(\.rawValue).joined(separator: ", "))",
        ]
        let width = policies.map(\.policy.count).max() ?? 0
        for result in policies {
            let name = result.policy.padding(toLength: width, withPad: " ", startingAt: 0)
            let timing = "\(count(result.runsSearched, "distinct run")) searched, \(String(format: "%.2f", result.seconds)) s"
            guard let refusal = result.refusal else {
                lines.append("  \(name)  admits the run (\(timing))")
                continue
            }
            lines.append(
                "  \(name)  refuses it at line \(refusal.line): \(refusal.event.rawValue)\(refusal.actor.map { " by \($0)" } ?? "") "
                    + "(slot \(refusal.slot), pass \(refusal.pass), after \(count(refusal.matched, "event")) of its run matched; \(timing))")
            lines += refusal.details.map { "      " + $0 }
        }
        let admitting = admittingPolicies.isEmpty ? "none of the policies checked" : admittingPolicies.joined(separator: ", ")
        lines.append("consistent with: \(admitting)")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PolicyConformance.Refusal {
    /// The path that matched the run's events before the refused one, the state it ends in, and the
    /// steps enabled there, as lines.
    var details: [String] {
        var lines = steps.isEmpty ? ["no step taken before it"] : ["the model's path to it:"]
        lines += steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        lines.append("the model's state there:")
        lines += state.map { "  " + $0 }
        lines.append(enabled.isEmpty ? "no step enabled there" : "enabled there: \(enabled.joined(separator: "; "))")
        return lines
    }
}
