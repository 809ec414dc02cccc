extension TextReporter {
    /// Where a policy's search went: a row per step taken, with how often and how many new states
    /// it reached first, aligned; then the steps never enabled.
    public func render(_ coverage: CoverageReport) -> [String] {
        let header = ["actor", "step", "transitions", "new states"]
        let rows = coverage.steps.map { row in
            [row.actor, Self.label(of: row.step), Self.grouped(row.transitions), Self.grouped(row.states)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            // Names flush left, numbers flush right.
            let left = cells[..<2].indices.map { cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            let right = cells[2...].indices.map { String(repeating: " ", count: widths[$0] - cells[$0].count) + cells[$0] }
            return (left + right).joined(separator: "  ")
        }
        let never = coverage.neverEnabled.map { "\(Self.label(of: $0)) by \($0.actor)" }
        return ["coverage:"] + ([header] + rows).map { "  " + line($0) }
            + ["never enabled: " + (never.isEmpty ? "none" : never.joined(separator: ", "))]
    }

    /// A step's kind as traces write it, `complete (fails)` for one that fails.
    static func label(of step: CoverageReport.Step) -> String {
        step.kind.rawValue + (step.fails == true ? " (fails)" : "")
    }

    /// `number` with thousands separated: "1,234".
    public static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        for index in stride(from: digits.count - 3, to: 0, by: -3) {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
        }
        return (number < 0 ? "-" : "") + digits
    }
}
