extension FuzzReport {
    /// One report for the runs of a swarm: their counts summed, and for every invariant the smallest
    /// shrunk workload any run found (the earlier run's on a tie). Nil unless every report fuzzed the
    /// same policy for the same invariants within the same bounds, with the same crashes.
    public static func merged(_ reports: [FuzzReport]) -> FuzzReport? {
        guard var merged = reports.first,
            reports.allSatisfy({
                $0.policy == merged.policy && $0.invariants == merged.invariants && $0.bounds == merged.bounds
                    && $0.crashes == merged.crashes
            })
        else { return nil }
        merged.swarm = nil
        merged.runs = reports.map(\.runs).reduce(0, +)
        for report in reports.dropFirst() {
            merged.workloads += report.workloads
            merged.unknownWorkloads += report.unknownWorkloads
            merged.states += report.states
            merged.shrinkCandidates += report.shrinkCandidates
            merged.shrinkSteps += report.shrinkSteps
            merged.seconds += report.seconds
            merged.decidesEveryInvariant = merged.decidesEveryInvariant || report.decidesEveryInvariant
            for finding in report.findings {
                if let index = merged.findings.firstIndex(where: { $0.property == finding.property }) {
                    if finding.shrunk.size.lexicographicallyPrecedes(merged.findings[index].shrunk.size) {
                        merged.findings[index] = finding
                    }
                } else {
                    merged.findings.append(finding)
                }
            }
        }
        merged.findings.sort { a, b in
            (merged.invariants.firstIndex(of: a.property) ?? 0) < (merged.invariants.firstIndex(of: b.property) ?? 0)
        }
        // Members that stopped at their first violation still say, together, what each invariant did.
        if merged.findings.count > 1 { merged.decidesEveryInvariant = true }
        return merged
    }
}
