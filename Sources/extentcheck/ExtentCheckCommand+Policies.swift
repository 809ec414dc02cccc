import ArgumentParser
import ExtentCheck

extension ExtentCheckCommand {
    /// `extentcheck policies`: the built-in policy table.
    struct Policies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the built-in write-path policies and their columns.",
            discussion: "A model file may define more policies from the same columns."
        )

        func run() {
            let header = ["policy"] + Policy.columns.map(\.key) + ["stands for"]
            let rows = Policy.builtIn.map { policy in
                [policy.name] + Policy.columns.map { cell($0, of: policy) } + [policy.summary]
            }
            let widths = header.indices.map { column in
                ([header] + rows).map { $0[column].count }.max() ?? 0
            }
            for row in [header] + rows {
                let cells = row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                print(cells.joined(separator: "  "))
            }
        }

        /// A column's value in the table: `yes` or `no` for a yes-or-no column, `n/a` where it means
        /// nothing (an O_DIRECT write that always falls back is never summed as O_DIRECT data).
        private func cell(_ column: PolicyColumn, of policy: Policy) -> String {
            guard column.applies(to: policy) else { return "n/a" }
            let value = column.value(in: policy)
            guard column.choices == nil else { return value }
            return value == String(true) ? "yes" : "no"
        }
    }
}
