extension SimulationReport {
    /// One report for the runs of a swarm over one model: walks and steps summed, and for every
    /// policy and property the shortest shrunk violation any run found (the earlier run's on a tie).
    /// Nil unless every report walked the same model, policies and properties, with the same crashes.
    public static func merged(_ reports: [SimulationReport]) -> SimulationReport? {
        guard var merged = reports.first else { return nil }
        func shape(_ report: SimulationReport) -> [[String]] {
            report.policies.map { [$0.policy] + $0.results.map(\.property) }
        }
        guard reports.allSatisfy({ $0.model == merged.model && $0.crashes == merged.crashes && shape($0) == shape(merged) }) else { return nil }
        merged.swarm = nil
        merged.runs = reports.map(\.runs).reduce(0, +)
        if Set(reports.map(\.bias)).count > 1 { merged.bias = "mixed" }
        for report in reports.dropFirst() {
            merged.walks += report.walks
            for (index, policy) in report.policies.enumerated() {
                merged.policies[index].walks += policy.walks
                merged.policies[index].steps += policy.steps
                merged.policies[index].seconds += policy.seconds
                for (resultIndex, result) in policy.results.enumerated() {
                    let current = merged.policies[index].results[resultIndex]
                    if result.isBetter(than: current) { merged.policies[index].results[resultIndex] = result }
                }
            }
        }
        return merged
    }
}

extension PropertyResult {
    /// Whether this finding says more than `other`: a violation or example where the other has
    /// none, or a shorter shrunk one.
    fileprivate func isBetter(than other: Self) -> Bool {
        switch (verdict.isFound, other.verdict.isFound) {
        case (true, false): return true
        case (false, _): return verdict == .unknown && other.verdict != .unknown && !other.verdict.isFound
        case (true, true):
            return (trace?.steps.count ?? Int.max) < (other.trace?.steps.count ?? Int.max)
        }
    }
}
