import ExtentCheck
import Foundation

/// `extentcheck-bench --reduce [--quick]`: the states and time each reduction saves on the family's
/// members whose policy holds (so every search explores everything it keeps), in one run: no
/// reduction, `symmetry`, `por`, and both, each on one thread, `concrete:K`.
///
/// An unreduced search stopped at `unreducedLimit` states is shown as at least that many.
enum ReductionComparison {
    /// The most states an unreduced search counts before the table gives up on it.
    static let unreducedLimit = 20_000_000

    static func members(quick: Bool) -> [SpinComparison.Member] {
        var members = SpinComparison.members(quick: quick)
        if !quick {
            members.append(SpinComparison.Member(label: "blocks 6", blocks: 6))
            members.append(SpinComparison.Member(label: "writers 3 (3 blocks)", blocks: 3, writers: 3))
        }
        return members
    }

    static func run(quick: Bool) throws {
        let variants: [(String, Set<Reduction>)] = [
            ("none", []), ("symmetry", [.symmetry]), ("por", [.partialOrder]), ("both", [.symmetry, .partialOrder]),
        ]
        let header =
            ["member", "K"] + variants.flatMap { name, _ in ["\(name) states", "\(name) s"] }
            + ["states saved (both)", "speed-up (both)"]
        var rows: [[String]] = []
        print(header.joined(separator: " | "))
        for member in members(quick: quick) {
            let scenario = member.scenario(data: .concrete(member.values))
            var figures: [(states: Int, seconds: Double, complete: Bool)] = []
            for (_, reductions) in variants {
                var options = CheckOptions(computesTraces: false, workers: 1, reductions: reductions)
                if reductions.isEmpty { options.search.maxStates = unreducedLimit }
                let (report, seconds) = try Benchmark.measure { try ExtentChecker(options: options).check(scenario) }
                let policy = report.policies[0]
                figures.append((policy.search.states, seconds, policy.limit == nil))
            }
            let (whole, both) = (figures[0], figures[3])
            let bound = whole.complete ? "" : "≥ "
            var row = [member.label, "\(member.values)"]
            for (index, figure) in figures.enumerated() {
                let prefix = index == 0 ? bound : ""
                row += [prefix + figure.states.formatted(), prefix + Benchmark.format(figure.seconds, digits: 2)]
            }
            row += [
                bound + Benchmark.format(Double(whole.states) / Double(both.states), digits: 1) + "×",
                bound + Benchmark.format(whole.seconds / both.seconds, digits: 1) + "×",
            ]
            print(row.joined(separator: " | "))
            rows.append(row)
        }
        print()
        print(Benchmark.table(header: header, rows: rows))
    }
}
