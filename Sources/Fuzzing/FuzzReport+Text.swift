internal import ExtentCheck
internal import Foundation

extension FuzzReport {
    /// The report for people: what was checked, the verdicts, then every finding as found and as
    /// shrunk, with its shortest counterexample.
    public var text: String {
        let count = TextReporter.count
        let how: String =
            switch mode {
            case _ where runs > 1: "merged from \(count(runs, "swarm run"))"
            case .exhaustive: "exhaustive"
            case .sample(let runs, let seed): "seed \(seed), \(count(runs, "run"))"
            }
        var lines = [
            "fuzz \(policy) (\(how)\(swarm.map { ", swarm run \($0)" } ?? "")\(crashes.map { ", \(count($0, "crash"))" } ?? "")): "
                + "\(count(workloads, "scenario")) checked, "
                + "\(count(states, "state")), \(String(format: "%.2f", seconds)) s",
            verdict,
        ]
        if let coverage { lines += TextReporter().render(coverage) }
        for finding in findings {
            lines += ["", "\(finding.property):", "  found:  \(finding.original)", "  shrunk: \(finding.shrunk)"]
            lines += (finding.result.trace.map(TextReporter().render) ?? []).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
