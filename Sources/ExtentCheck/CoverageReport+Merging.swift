extension CoverageReport {
    /// One report for many searches (a fuzz run's workloads): the counts of each kind of step by
    /// each actor summed, and never enabled the steps some search could take and none took. Rows in
    /// the order they first appear.
    public static func merged(_ reports: [CoverageReport]) -> CoverageReport {
        var order: [Step] = []
        var counts: [Step: (transitions: Int, states: Int)] = [:]
        for row in reports.flatMap(\.steps) {
            if counts[row.step] == nil { order.append(row.step) }
            let sum = counts[row.step, default: (0, 0)]
            counts[row.step] = (sum.transitions + row.transitions, sum.states + row.states)
        }
        var never: [Step] = []
        for step in reports.flatMap(\.neverEnabled) where counts[step] == nil && !never.contains(step) {
            never.append(step)
        }
        return CoverageReport(
            steps: order.map { Row(step: $0, transitions: counts[$0]!.transitions, states: counts[$0]!.states) },
            neverEnabled: never)
    }
}
