import Conformance
@_spi(Search) import Explorer
import ExtentCheck
import Foundation

/// `extentcheck-bench --conform [--runs N]`: how long `conform` takes on a log of 10,000 events,
/// per policy, beside a baseline in the same run that searches every run of the log rather than
/// each distinct run once. The log is qemu-cache-none's O_DIRECT write as btrfs before
/// 968f19c5b1b7 runs it, with the guest's changes to the page landing between different events in
/// different runs, as a real recording's do.
enum ConformanceBenchmark {
    static let events = 10_000

    static func run(runs: Int) throws {
        let scenario = try ExtentChecker.loadModel(at: "Models/qemu-cache-none.yaml")
        let (text, logged) = log(events: events)
        let (log, parse) = try median(runs) { try EventLog.parse(Data(text.utf8), path: "benchmark.ndjson") }
        print("log: \(log.events.count) events in \(logged) runs, \(text.utf8.count) bytes; read in \(format(parse)) s (median of \(runs))")
        let header = ["policy", "admits", "distinct runs", "s (median)", "every run s", "speed-up", "ms a distinct run"]
        var rows: [[String]] = []
        for policy in scenario.policies {
            let checker = ConformanceChecker(policies: [policy.name])
            let (report, seconds) = try median(runs) { try checker.check(log, against: scenario) }
            var everyRun = checker
            everyRun.searchesEveryRun = true
            let (_, baseline) = try median(runs) { try everyRun.check(log, against: scenario) }
            let result = report.policies[0]
            rows.append([
                policy.name, result.admits ? "yes" : "no, line \(result.refusal!.line)", "\(result.runsSearched)", format(seconds),
                format(baseline), format(baseline / seconds, digits: 1) + "×",
                format(seconds * 1000 / Double(max(1, result.runsSearched)), digits: 2),
            ])
        }
        print(Benchmark.table(header: header, rows: rows))
    }

    /// A log of `events` events or a few more: runs of the write, each with one to three changes of
    /// the page placed by a fixed generator among the gaps between its events.
    static func log(events: Int) -> (text: String, runs: Int) {
        var generator = SeededGenerator(seed: 26)
        var lines = [
            #"{"format":"extentcheck-events","version":1,"model":"qemu-cache-none","observes":["dio-write","fsync","return","mutate","dio-submit","csum","complete"]}"#
        ]
        let write = [
            #""event":"dio-write","actor":"qemu""#, #""event":"dio-submit""#, #""event":"csum""#, #""event":"complete""#,
            #""event":"return","actor":"qemu","result":"ok""#, #""event":"fsync","actor":"qemu""#,
            #""event":"return","actor":"qemu","result":"ok""#,
        ]
        let change = #""event":"mutate","actor":"guest-fs","block":0,"word":0"#
        var time = 1_000
        var run = 0
        while lines.count - 1 < events {
            var gaps = Set<Int>()
            for _ in 0..<(1 + Int(generator.next() % 3)) { gaps.insert(1 + Int(generator.next() % UInt64(write.count))) }
            for (index, event) in write.enumerated() {
                for logged in (gaps.contains(index) ? [change, event] : [event]) {
                    time += 1 + Int(generator.next() % 1000)
                    lines.append("{\"t\":\(time),\"slot\":\(run % 256),\"pass\":\(run / 256),\(logged)}")
                }
            }
            run += 1
        }
        lines.append("{\"t\":\(time + 1),\"event\":\"end\"}")
        return (lines.joined(separator: "\n") + "\n", run)
    }

    /// The last result of `body` run `runs` times, and the median of its times.
    static func median<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (T, Double) {
        var value: T?
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let (result, seconds) = try Benchmark.measure(body)
            value = result
            times.append(seconds)
        }
        return (value!, SpinComparison.median(times))
    }

    static func format(_ value: Double, digits: Int = 3) -> String { Benchmark.format(value, digits: digits) }
}
