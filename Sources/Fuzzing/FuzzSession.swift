@_spi(Search) internal import Explorer
internal import Extent
internal import ExtentCheck
internal import Foundation

/// One run of a fuzzer: which cells of the table are still open, the reports so far, and the
/// verdicts shrinking has already asked for.
///
/// Workloads are checked in batches, side by side, and their results taken in the run's order: the
/// table is the same whatever the number of workers. A search of a workload decides every invariant
/// still open for any policy it serves, so a cell closed within a batch needs nothing checked again.
struct FuzzSession {
    let fuzzer: Fuzzer
    let journal: FuzzJournal?
    /// The table so far.
    private(set) var table: FuzzTable
    /// `open[policy][invariant]`: whether the cell is still undecided.
    private var open: [[Bool]]
    /// The verdicts shrinking asked for, by the policy as the workload observes it, the canonical
    /// workload and the property.
    private var verdicts: [CheckKey: Verdict] = [:]
    private let start = ContinuousClock.now

    /// Workloads planned together. Not a multiple of the workers: which invariants a search is asked
    /// for is fixed when its batch is planned, and how it searches (word-blind or not) follows from
    /// them, so the searches, and the states counted, are the same whatever `--workers` is; and a
    /// resumed run's batches start where the run's did.
    static let batchSize = 64

    init(fuzzer: Fuzzer, journal: FuzzJournal?) throws {
        self.fuzzer = fuzzer
        self.journal = journal
        let unreachable = fuzzer.unreachable
        let reports = fuzzer.policies.map { policy in
            var report = FuzzReport(
                policy: policy.name, invariants: fuzzer.invariants.map(\.name), bounds: fuzzer.bounds, mode: fuzzer.mode,
                decidesEveryInvariant: fuzzer.decidesEveryInvariant)
            report.crashes = fuzzer.options.crashes.flatMap { $0 > 0 ? $0 : nil }
            report.unreachable = unreachable.isEmpty ? nil : unreachable
            report.reductions = fuzzer.reduces ? fuzzer.reductions.map(\.rawValue).sorted() : nil
            report.shard = fuzzer.shard
            return report
        }
        table = FuzzTable(reports: reports, reduces: fuzzer.reduces, shard: fuzzer.shard)
        open = fuzzer.policies.map { _ in fuzzer.invariants.map { unreachable[$0.name] == nil } }
        if let journal { try journal.resume(&table, open: &open) }
    }

    /// Checks workloads until every cell is decided or every workload checked (or the search is
    /// cancelled), shrinking each violation as it is found.
    mutating func run(progress: ((FuzzProgress) -> Void)?) throws {
        let candidates = try FuzzCandidates(fuzzer: fuzzer, after: table.checkedThrough)
        table.workloads = candidates.count
        let iterator = candidates.makeIterator()
        let earlier = table.seconds
        let cancellation = fuzzer.options.search.cancellation
        while open.contains(where: { $0.contains(true) }), cancellation?.isCancelled != true {
            var batch: [FuzzCandidate] = []
            while batch.count < Self.batchSize, let next = iterator.next() { batch.append(next) }
            guard !batch.isEmpty else { break }
            let tasks = batch.indices.flatMap { plan(batch[$0], at: $0) }
            let fuzzer = self.fuzzer
            let results = try tasks.concurrentMap(workers: fuzzer.workers) { task in
                try fuzzer.check(task.candidate.workload, under: task.policy, for: task.invariants, reductions: fuzzer.reductions)
            }
            // Searches cut short by a stop decide nothing: the batch is left for a resumed run.
            if cancellation?.isCancelled == true { break }
            table.explorations += tasks.count
            do {
                for (index, candidate) in batch.enumerated() {
                    for (task, result) in zip(tasks, results) where task.index == index {
                        try take(result, of: task, progress: progress)
                    }
                    table.checkedThrough = candidate.number
                    table.checked += 1
                    table.seconds = earlier + Double(ContinuousClock.now - start)
                    progress?(.checked(workloads: table.checked, of: table.workloads, states: table.states))
                }
            } catch is Stopped {
                break
            }
            try journal?.checkpoint(table)
        }
        table.isFinished = cancellation?.isCancelled != true
        table.seconds = earlier + Double(ContinuousClock.now - start)
        for row in table.reports.indices {
            table.reports[row].seconds = table.seconds
            // In the invariants' order, as a merge of shards lists them.
            let order = fuzzer.invariants.map(\.name)
            table.reports[row].findings.sort { order.firstIndex(of: $0.property)! < order.firstIndex(of: $1.property)! }
        }
        try journal?.checkpoint(table, force: true)
    }

    /// The searches one workload needs: one per group of policies with open cells that the workload
    /// observes alike (one per policy when the run does not reduce), each for the open invariants of
    /// its group.
    private func plan(_ candidate: FuzzCandidate, at index: Int) -> [CheckTask] {
        let policies = fuzzer.policies.indices.filter { open[$0].contains(true) }
        let scenario = fuzzer.scenario(of: candidate.workload, policies: [], invariants: [])
        var groups: [Policy: [Int]] = [:]
        var order: [Policy] = []
        for policy in policies {
            let key = fuzzer.reduces ? fuzzer.policies[policy].observed(by: scenario) : fuzzer.policies[policy]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(policy)
        }
        return order.map { key in
            let members = groups[key]!
            let invariants = fuzzer.invariants.indices.filter { invariant in members.contains { open[$0][invariant] } }
            return CheckTask(
                index: index, candidate: candidate, policy: fuzzer.policies[members[0]], members: members,
                invariants: invariants.map { fuzzer.invariants[$0] })
        }
    }

    /// Takes one search's verdicts for every policy it served: counts the workload for each policy
    /// with cells still open, and shrinks each violation of an open cell.
    private mutating func take(_ result: WorkloadVerdicts, of task: CheckTask, progress: ((FuzzProgress) -> Void)?) throws {
        let (states, coverage) = (result.states, result.coverage)
        table.states += states
        for policy in task.members where open[policy].contains(true) {
            table.reports[policy].workloads += 1
            if fuzzer.reduces { table.reports[policy].standsFor = (table.reports[policy].standsFor ?? 0) + task.candidate.orderings }
            table.reports[policy].states += states
            if let coverage {
                table.reports[policy].coverage = .merged([table.reports[policy].coverage, coverage].compactMap { $0 })
            }
            let verdicts = result.results.filter { name in open[policy][index(of: name.property)] }
            if verdicts.contains(where: { $0.verdict == .unknown }) { table.reports[policy].unknownWorkloads += 1 }
            let violated = verdicts.filter { $0.verdict == .violated }.map(\.property)
            guard !violated.isEmpty else { continue }
            for property in fuzzer.decidesEveryInvariant ? violated : [violated[0]] {
                let finding = try shrunk(task.candidate, violating: property, under: policy, progress: progress)
                table.reports[policy].findings.append(finding)
                try journal?.found(finding, policy: fuzzer.policies[policy].name)
                open[policy][index(of: property)] = false
            }
            if !fuzzer.decidesEveryInvariant { open[policy] = open[policy].map { _ in false } }
        }
    }

    /// The first violation of `property` under policy `policy`, shrunk, with its trace.
    private mutating func shrunk(
        _ candidate: FuzzCandidate, violating property: String, under policy: Int, progress: ((FuzzProgress) -> Void)?
    ) throws -> FuzzReport.Finding {
        var report = table.reports[policy]
        let before = report.shrinkSteps
        let shrunk = try shrink(candidate.workload, violating: property, under: fuzzer.policies[policy], report: &report, progress: progress)
        table.reports[policy] = report
        // A shrink cut short by a stop is no smallest violation: the journal gets none.
        if fuzzer.options.search.cancellation?.isCancelled == true { throw Stopped() }
        return try fuzzer.finding(
            property: property, policy: fuzzer.policies[policy], original: candidate.workload, number: candidate.number,
            shrunk: shrunk, steps: report.shrinkSteps - before)
    }

    /// `workload` shrunk while it violates `property`: the candidates of each step are checked side
    /// by side and the first in their order that still violates is taken, until none does.
    private mutating func shrink(
        _ workload: Workload, violating property: String, under policy: Policy, report: inout FuzzReport,
        progress: ((FuzzProgress) -> Void)?
    ) throws -> Workload {
        let checked = fuzzer.invariants.filter { $0.name == property }
        var shrunk = workload
        while true {
            let candidates = shrunk.shrinkCandidates(within: fuzzer.bounds)
            let keys = candidates.map { key(of: $0, under: policy, property: property) }
            var known = keys.map { verdicts[$0] }
            let unknown = candidates.indices.filter { known[$0] == nil }
            let fuzzer = self.fuzzer
            let searched = try unknown.concurrentMap(workers: fuzzer.workers) { index in
                try fuzzer.check(candidates[index], under: policy, for: checked, reductions: fuzzer.reductions)
            }
            for (index, result) in zip(unknown, searched) {
                report.states += result.states
                table.states += result.states
                known[index] = result.results[0].verdict
                if fuzzer.reduces { verdicts[keys[index]] = result.results[0].verdict }
            }
            guard let taken = known.firstIndex(of: .violated) else {
                report.shrinkCandidates += candidates.count
                return shrunk
            }
            report.shrinkCandidates += taken + 1
            report.shrinkSteps += 1
            shrunk = candidates[taken]
            progress?(.shrunk(to: shrunk))
        }
    }

    private func key(of workload: Workload, under policy: Policy, property: String) -> CheckKey {
        let scenario = fuzzer.scenario(of: workload, policies: [], invariants: [])
        return CheckKey(policy: policy.observed(by: scenario), workload: workload.canonical, property: property)
    }

    private func index(of property: String) -> Int {
        fuzzer.invariants.firstIndex { $0.name == property }!
    }
}

/// A stop in the middle of a batch: what the batch decided is left for a resumed run.
private struct Stopped: Error {}

/// One search a batch needs: a workload under one policy, standing for every policy in `members`.
struct CheckTask: Sendable {
    /// The workload's place in its batch.
    var index: Int
    var candidate: FuzzCandidate
    var policy: Policy
    /// The indices of the fuzzer's policies the search decides for.
    var members: [Int]
    var invariants: [ExtentProperty]
}

/// A verdict shrinking asked for, by what decides it.
struct CheckKey: Hashable {
    var policy: Policy
    var workload: Workload
    var property: String
}
