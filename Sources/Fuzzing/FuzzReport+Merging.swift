extension FuzzReport {
    /// One report for the runs of a swarm or the shards of an exhaustive run: their counts summed,
    /// and for every invariant the violation one process would have kept. Shards keep the first
    /// violation in the run's order (so the merge equals one process's report); swarm members the
    /// smallest shrunk workload, then the shortest trace, then the earlier run's. Nil unless every
    /// report fuzzed the same policy for the same invariants within the same bounds, in the same
    /// mode, with the same crashes.
    public static func merged(_ reports: [FuzzReport]) -> FuzzReport? {
        guard var merged = reports.first, reports.allSatisfy({ $0.isOfTheSameHunt(as: merged) }) else { return nil }
        merged.swarm = nil
        merged.shard = nil
        merged.runs = reports.map(\.runs).reduce(0, +)
        for report in reports.dropFirst() {
            merged.workloads += report.workloads
            merged.standsFor = merged.standsFor.map { $0 + (report.standsFor ?? 0) }
            merged.unknownWorkloads += report.unknownWorkloads
            merged.states += report.states
            merged.shrinkCandidates += report.shrinkCandidates
            merged.shrinkSteps += report.shrinkSteps
            merged.seconds += report.seconds
            merged.decidesEveryInvariant = merged.decidesEveryInvariant || report.decidesEveryInvariant
        }
        let coverage = reports.compactMap(\.coverage)
        merged.coverage = coverage.isEmpty ? nil : .merged(coverage)
        let all = reports.flatMap(\.findings)
        merged.findings = merged.invariants.compactMap { invariant in
            all.filter { $0.property == invariant }.min(by: merged.precedes)
        }
        if case .exhaustive = merged.mode {
            // One process stops at its first violation: only those of the earliest workload are its.
            if !merged.decidesEveryInvariant, let first = merged.findings.map(\.workload).min() {
                merged.findings = Array(merged.findings.filter { $0.workload == first }.prefix(1))
            }
        } else if merged.findings.count > 1 {
            // Members that stopped at their first violation still say, together, what each invariant did.
            merged.decidesEveryInvariant = true
        }
        return merged
    }

    /// Whether `other` ran the same hunt: policy, invariants, bounds, kind of mode and crashes.
    private func isOfTheSameHunt(as other: FuzzReport) -> Bool {
        policy == other.policy && invariants == other.invariants && bounds == other.bounds && crashes == other.crashes
            && isExhaustive == other.isExhaustive && reductions == other.reductions
    }

    private var isExhaustive: Bool {
        if case .exhaustive = mode { true } else { false }
    }

    /// Whether finding `a` is kept before `b`: the earlier workload of an exhaustive run, else the
    /// smaller shrunk workload, then the shorter trace.
    private func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if isExhaustive { return a.workload < b.workload }
        let length = { (finding: Finding) in finding.result.trace?.steps.count ?? 0 }
        return (a.shrunk.size + [length(a)]).lexicographicallyPrecedes(b.shrunk.size + [length(b)])
    }
}
