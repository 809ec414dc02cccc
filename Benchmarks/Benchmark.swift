import ExtentCheck
import Foundation

/// `swift run -c release extentcheck-bench [--quick]`: figures of the search over the scaled model
/// family, each beside a baseline measured in the same run, the same search storing whole states
/// in a dictionary rather than fingerprints. With `--spin`, extentcheck beside SPIN (`SpinComparison`);
/// with `--reduce`, what each reduction saves (`ReductionComparison`); with `--conform`, how long
/// `conform` takes on a log of 10,000 events (`ConformanceBenchmark`).
@main
struct Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments
        let quick = arguments.contains("--quick")
        if let flag = arguments.firstIndex(of: "--measure"), arguments.count > flag + 2, let member = Int(arguments[flag + 1]) {
            return try SpinComparison.measure(member: member, mode: arguments[flag + 2], quick: quick)
        }
        let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments.dropFirst($0 + 1).first ?? "") }
        // Against SPIN, a median of three by default: one run of each tool says little on a shared machine.
        if arguments.contains("--spin") { return try SpinComparison.run(quick: quick, runs: max(1, runs ?? 3)) }
        if arguments.contains("--reduce") { return try ReductionComparison.run(quick: quick) }
        if arguments.contains("--conform") { return try ConformanceBenchmark.run(runs: max(1, runs ?? 1)) }
        let header = [
            "member", "data", "policy", "states", "transitions", "states/s", "solver calls", "solver s", "wall s",
            "baseline s", "speed-up",
        ]
        var rows: [[String]] = []
        print(header.joined(separator: " | "))
        for member in ModelFamily.members(quick: quick) {
            for policy in member.scenario.policies {
                let options = CheckOptions(policies: [policy.name])
                let (report, seconds) = try measure { try ExtentChecker(options: options).check(member.scenario) }
                var exact = options
                exact.search.storage = .exact
                let (_, baseline) = try measure { try ExtentChecker(options: exact).check(member.scenario) }
                let result = report.policies[0]
                let row = [
                    member.label, "\(member.scenario.data)", policy.name, "\(result.search.states)",
                    "\(result.search.transitions)", format(result.search.statesPerSecond, digits: 0),
                    "\(result.solver?.calls ?? 0)", format(result.solver?.seconds ?? 0, digits: 3),
                    format(seconds, digits: 3), format(baseline, digits: 3), format(baseline / seconds, digits: 2) + "×",
                ]
                print(row.joined(separator: " | "))
                rows.append(row)
            }
        }
        print()
        print(table(header: header, rows: rows))
    }

    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let (seconds, attoseconds) = (clock.now - start).components
        return (value, Double(seconds) + Double(attoseconds) * 1e-18)
    }

    static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A Markdown table with aligned columns.
    static func table(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}
