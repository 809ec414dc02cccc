import ExtentCheck
import Foundation
import Promela

/// `extentcheck-bench --spin [--quick] [--runs N]`: extentcheck beside SPIN on the family's members whose policy
/// holds (so both explore everything), in one run: extentcheck in `concrete:K` on one and two threads,
/// SPIN on the exported model, and extentcheck in symbolic mode; the median of `N` runs (default 3), and
/// three ratios: one thread and two threads against SPIN, and two threads against one.
///
/// Each extentcheck figure comes from a process of its own (this program, run with `--measure`), so
/// that its peak resident size is its own.
enum SpinComparison {
    /// A member of the family: a scenario under `buffered-fallback`, where every invariant holds.
    struct Member {
        var label: String
        var blocks = 1
        var writers = 1
        var budget = 1
        var values = 2

        func scenario(data: DataMode) -> Scenario {
            var scenario = ModelFamily.scenario(blocks: blocks, writers: writers, budget: budget, data: data)
            scenario.policies = [Policy.builtIn(named: "buffered-fallback")!]
            return scenario
        }
    }

    static func members(quick: Bool) -> [Member] {
        var members = (1...(quick ? 4 : 5)).map { Member(label: "blocks \($0)", blocks: $0) }
        let small = quick ? 1 : 2
        members += (quick ? [2] : [2, 3]).map { Member(label: "writers \($0)", blocks: small, writers: $0) }
        members += (quick ? [2] : [2, 3]).map { Member(label: "budget \($0)", blocks: small + 1, budget: $0) }
        members += (quick ? [3] : [3, 4]).map { Member(label: "K \($0)", blocks: small + 1, values: $0) }
        return members
    }

    /// What one measured check found.
    struct Figures: Codable {
        var states: Int
        var transitions: Int
        var seconds: Double
        var peakBytes: Int
    }

    /// `--measure MEMBER MODE [--quick]`: checks one member of `members(quick:)` (`concrete-1`,
    /// `concrete-2` or `symbolic`) and prints its figures as JSON.
    static func measure(member index: Int, mode: String, quick: Bool) throws {
        let member = members(quick: quick)[index]
        let symbolic = mode == "symbolic"
        let scenario = member.scenario(data: symbolic ? .symbolic : .concrete(member.values))
        let workers = symbolic ? 1 : Int(mode.split(separator: "-").last!)!
        let clock = ContinuousClock()
        let start = clock.now
        let report = try ExtentChecker(options: CheckOptions(computesTraces: false, workers: workers)).check(scenario)
        let (seconds, attoseconds) = (clock.now - start).components
        let search = report.policies[0].search
        let figures = Figures(
            states: search.states, transitions: search.transitions,
            seconds: Double(seconds) + Double(attoseconds) * 1e-18, peakBytes: peakResidentBytes())
        print(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
    }

    /// This process's peak resident size (`VmHWM`), in bytes; 0 where it cannot be read.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        else { return 0 }
        return kilobytes * 1024
    }

    /// Runs this program with `--measure` and reads its figures.
    static func child(member index: Int, mode: String, quick: Bool) throws -> Figures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--measure", "\(index)", mode] + (quick ? ["--quick"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Figures.self, from: data)
    }

    /// The median of `values`, the mean of the middle two when they are even in number.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Measures every member `runs` times, each run taking its turn on every tool so that the
    /// machine's noise falls on all of them, and prints medians.
    static func run(quick: Bool, runs: Int) throws {
        let header = [
            "member", "K", "states", "SPIN states − 1", "1 thread s", "states/s", "B/state", "2 threads s", "states/s",
            "SPIN s", "SPIN states/s", "SPIN B/state", "1 thread ÷ SPIN", "2 threads ÷ SPIN", "2 threads ÷ 1",
            "symbolic states", "symbolic s",
        ]
        var rows: [[String]] = []
        var disagreements: [String] = []
        print(header.joined(separator: " | "))
        for (index, member) in members(quick: quick).enumerated() {
            let scenario = member.scenario(data: .concrete(member.values))
            let model = try PromelaModel(scenario: scenario, policy: scenario.policies[0], values: member.values)
            var rounds: [(one: Figures, two: Figures, symbolic: Figures, spin: SpinRun)] = []
            for _ in 0..<runs {
                let one = try child(member: index, mode: "concrete-1", quick: quick)
                let two = try child(member: index, mode: "concrete-2", quick: quick)
                let symbolic = try child(member: index, mode: "symbolic", quick: quick)
                var tools = SpinRun.Tools()
                tools.hashBits = max(18, Int.bitWidth - one.states.leadingZeroBitCount + 1)
                let spin = try SpinRun.run(model, tools: tools)
                if spin.states - 1 != one.states || two.states != one.states || !spin.violated.isEmpty,
                    !disagreements.contains(member.label)
                {
                    disagreements.append(member.label)
                }
                rounds.append((one, two, symbolic, spin))
            }
            func typical(_ figures: [Figures]) -> Figures {
                var typical = figures[0]
                typical.seconds = median(figures.map(\.seconds))
                typical.peakBytes = Int(median(figures.map { Double($0.peakBytes) }))
                return typical
            }
            let (one, two, symbolic) = (typical(rounds.map(\.one)), typical(rounds.map(\.two)), typical(rounds.map(\.symbolic)))
            var spin = rounds[0].spin
            spin.seconds = median(rounds.map(\.spin.seconds))
            func rate(_ states: Int, _ seconds: Double) -> Double { seconds > 0 ? Double(states) / seconds : 0 }
            let spinRate = rate(spin.states, spin.seconds)
            let row = [
                member.label, "\(member.values)", "\(one.states)", "\(spin.states - 1)",
                Benchmark.format(one.seconds, digits: 2), Benchmark.format(rate(one.states, one.seconds), digits: 0),
                Benchmark.format(Double(one.peakBytes) / Double(one.states), digits: 0),
                Benchmark.format(two.seconds, digits: 2), Benchmark.format(rate(two.states, two.seconds), digits: 0),
                Benchmark.format(spin.seconds, digits: 2), Benchmark.format(spinRate, digits: 0),
                Benchmark.format(Double(spin.memoryBytes) / Double(spin.states), digits: 0),
                spinRate > 0 ? Benchmark.format(rate(one.states, one.seconds) / spinRate, digits: 2) + "×" : "–",
                spinRate > 0 ? Benchmark.format(rate(two.states, two.seconds) / spinRate, digits: 2) + "×" : "–",
                two.seconds > 0 ? Benchmark.format(one.seconds / two.seconds, digits: 2) + "×" : "–",
                "\(symbolic.states)", Benchmark.format(symbolic.seconds, digits: 2),
            ]
            print(row.joined(separator: " | "))
            rows.append(row)
        }
        print()
        print(Benchmark.table(header: header, rows: rows))
        print()
        print(
            disagreements.isEmpty
                ? "SPIN and extentcheck agree on every member: same states (SPIN's less its initial one), no violation."
                : "DISAGREEMENT on: \(disagreements.joined(separator: ", "))")
    }
}
