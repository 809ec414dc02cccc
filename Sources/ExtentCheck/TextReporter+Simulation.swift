extension TextReporter {
    /// A simulation's report for people: per policy the walks taken and a line per property, then
    /// every violation as walked and as shrunk.
    public func render(_ report: SimulationReport) -> String {
        var lines = ["model \(report.model)" + (report.file.map { " (\($0))" } ?? "")]
        let seed = report.runs > 1 ? "merged from \(Self.count(report.runs, "swarm run"))" : "seed \(report.seed)"
        lines.append(
            "  \(Self.count(report.walks, "walk")) of at most \(Self.count(report.depth, "step")), \(seed), "
                + "\(report.bias)" + (report.crashes.map { ", \(Self.count($0, "crash"))" } ?? "")
                + (report.swarm.map { ", swarm run \($0)" } ?? ""))
        for policy in report.policies {
            lines.append("")
            lines.append(
                "policy \(policy.policy): \(Self.count(policy.walks, "walk")), \(Self.count(policy.steps, "step")), "
                    + Self.seconds(policy.seconds))
            if let limit = policy.limit { lines.append("  " + Self.stoppedEarly(by: limit)) }
            let width = policy.results.map(\.property.count).max() ?? 0
            for result in policy.results {
                var line = "  \(result.property.padding(toLength: width, withPad: " ", startingAt: 0))  "
                    + result.verdict.rawValue
                if let walk = result.walk { line += " in walk \(walk)" }
                switch result.status {
                case .asExpected: line += ", as expected"
                case .noExpectation: line += ", no expectation"
                case .unexpected: line += ", UNEXPECTED (expected \((result.expected ?? .holds).rawValue))"
                case .unknown:
                    let notFound = result.expected.map { "expected \($0.rawValue), not found" } ?? "no reason given"
                    line += ", UNKNOWN: \(result.reason ?? notFound)"
                }
                lines.append(line)
            }
            guard showsTraces else { continue }
            for result in policy.results {
                guard let found = result.walked, let shrunk = result.trace else { continue }
                lines.append("")
                guard found != shrunk else {
                    lines.append("  \(result.property), \(Self.count(found.steps.count, "step")) (no step could be shrunk away):")
                    lines += render(found).map { "    " + $0 }
                    continue
                }
                lines.append("  \(result.property) as walked, \(Self.count(found.steps.count, "step")):")
                lines += render(found).map { "    " + $0 }
                lines.append("")
                lines.append("  \(result.property) shrunk, \(Self.count(shrunk.steps.count, "step")):")
                lines += render(shrunk).map { "    " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
