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
            let header = [
                "policy", "dio-path", "dio-checksum", "buffered-checksum", "stable-pages", "verify", "device-check",
                "user-pages", "writeback-source", "stands for",
            ]
            let rows = Policy.builtIn.map { policy in
                [
                    // An O_DIRECT write that always falls back is never summed as O_DIRECT data.
                    policy.name, policy.directIOPath.rawValue,
                    policy.directIOPath == .buffered ? "n/a" : yesNo(policy.directIOChecksum),
                    yesNo(policy.bufferedChecksum), yesNo(policy.stablePages), policy.verify.rawValue,
                    policy.deviceCheck.rawValue, policy.userPages.rawValue, policy.writebackSource.rawValue,
                    policy.summary,
                ]
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

        private func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
    }
}
