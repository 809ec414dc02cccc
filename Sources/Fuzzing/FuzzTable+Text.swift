internal import ExtentCheck
internal import Foundation

extension FuzzTable {
    /// The table for people: what was checked, then one row per policy and one column per invariant,
    /// then the smallest violation of each violated cell and why each unreachable one is.
    public var text: String {
        guard let first = reports.first else { return "" }
        let count = TextReporter.count
        let invariants = first.invariants
        let how = [
            runs > 1 ? "merged from \(count(runs, "run"))" : nil, shard.map { "shard \($0)" },
            reduces ? "up to renaming, reduced by \((first.reductions ?? []).joined(separator: " and "))" : "unreduced",
            first.crashes.map { count($0, "crash") },
        ].compactMap { $0 }
        var lines = [
            "fuzz table (\(how.joined(separator: ", "))): \(reports.count) \(reports.count == 1 ? "policy" : "policies") × \(count(invariants.count, "invariant")), "
                + "\(count(checked, "scenario")) of \(count(workloads, "scenario")) checked with \(first.limits), "
                + "\(count(explorations, "exploration")), \(count(states, "state")), \(String(format: "%.2f", seconds)) s",
            "",
            "| policy | " + invariants.joined(separator: " | ") + " |",
            "| --- |" + String(repeating: " --- |", count: invariants.count),
        ]
        for report in reports {
            let cells = invariants.map { cell(policy: report.policy, invariant: $0).map(Self.word) ?? "" }
            lines.append("| \(report.policy) | " + cells.joined(separator: " | ") + " |")
        }
        let violations = reports.flatMap { report in
            report.findings.map { "  \(report.policy) × \($0.property): \($0.shrunk)" }
        }
        if !violations.isEmpty { lines += ["", "smallest violations:"] + violations }
        let unreachable = (first.unreachable ?? [:]).sorted { $0.key < $1.key }
        if !unreachable.isEmpty {
            lines += [""] + unreachable.map { "\($0.key) not reachable within these bounds: \($0.value)" }
        }
        for report in reports {
            if let coverage = report.coverage { lines += ["", "\(report.policy):"] + TextReporter().render(coverage) }
        }
        if !isFinished { lines += ["", "stopped early: open cells were not decided"] }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func word(_ cell: FuzzCell) -> String {
        switch cell {
        case .violated: "violated"
        case .holds: "holds"
        case .noViolation: "no violation"
        case .unreachable: "not reachable"
        case .open: "open"
        }
    }
}
