extension FuzzTable {
    /// One table from the tables of an exhaustive run's shards (or a swarm's runs): every policy's
    /// reports merged (`FuzzReport.merged(_:)`), counts summed. The shards of one run, all
    /// finished, merge into the table one process gives: the same cells and shrunk workloads.
    /// Nil unless every table has the same policies, in the same order, of one hunt.
    public static func merged(_ tables: [FuzzTable]) -> FuzzTable? {
        guard var merged = tables.first,
            tables.allSatisfy({ $0.reports.map(\.policy) == merged.reports.map(\.policy) && $0.reduces == merged.reduces })
        else { return nil }
        var reports: [FuzzReport] = []
        for row in merged.reports.indices {
            guard let report = FuzzReport.merged(tables.map { $0.reports[row] }) else { return nil }
            reports.append(report)
        }
        merged.reports = reports
        merged.shard = nil
        merged.runs = tables.map(\.runs).reduce(0, +)
        merged.workloads = tables.map(\.workloads).reduce(0, +)
        merged.checked = tables.map(\.checked).reduce(0, +)
        merged.checkedThrough = tables.map(\.checkedThrough).max() ?? 0
        merged.explorations = tables.map(\.explorations).reduce(0, +)
        merged.states = tables.map(\.states).reduce(0, +)
        merged.seconds = tables.map(\.seconds).reduce(0, +)
        merged.isFinished = tables.allSatisfy(\.isFinished)
        return merged
    }
}
