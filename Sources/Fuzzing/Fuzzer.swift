@_spi(Search) internal import Explorer
public import Extent
public import ExtentCheck
internal import Foundation

/// Looks for the smallest workload that breaks a policy: checks generated workloads exhaustively
/// (every interleaving, symbolic data unless the options say otherwise), stops at the first that
/// violates a property, and shrinks it to one none of whose reductions still violates that property.
///
/// ```swift
/// let fuzzer = Fuzzer(policy: Policy.builtIn(named: "dio-csum")!, invariants: [.csumMatchesData])
/// let report = try fuzzer.run()
/// print(report.finding?.shrunk ?? "no violation")
/// ```
public struct Fuzzer: Sendable {
    /// Which workloads to check.
    public enum Mode: Hashable, Sendable, Codable {
        /// `runs` distinct workloads drawn from `seed`, small ones first and growing to the bounds
        /// (fewer if the bounds hold fewer).
        case sample(runs: Int, seed: UInt64)
        /// Every workload within the bounds, smallest first; refused above `limit` workloads.
        case exhaustive(limit: Int)
    }

    /// The policy to break.
    public var policy: Policy
    /// The properties a workload may violate; the contract's invariants by default.
    public var invariants: [ExtentProperty]
    /// The largest workloads generated.
    public var bounds: WorkloadBounds
    /// Sampled or exhaustive.
    public var mode: Mode
    /// How each workload is checked: search limits, the solver's budget, the data mode (symbolic if
    /// not given), and how many workloads are checked at once (`workers`; one per core if not given).
    /// Policies, properties and traces are the fuzzer's to set.
    public var options: CheckOptions
    /// Whether to go on after a violation until every invariant is violated or every workload
    /// checked, shrinking the first violation of each; by default the run ends at the first.
    public var decidesEveryInvariant: Bool
    /// Whether a sampled run draws its largest workloads first and shrinks the scale towards the
    /// end: swarm members alternate, so that between them both orders are searched.
    public var largestFirst = false

    /// Creates a fuzzer; by default it samples 100 workloads from seed 1 within the default bounds, and
    /// decides the built-in invariants of workloads without readers (`bounds.builtInInvariants` are
    /// those of workloads within `bounds`).
    public init(
        policy: Policy, invariants: [ExtentProperty] = ExtentProperty.builtIn(for: []), bounds: WorkloadBounds = WorkloadBounds(),
        mode: Mode = .sample(runs: 100, seed: 1), options: CheckOptions = CheckOptions(),
        decidesEveryInvariant: Bool = false
    ) {
        self.policy = policy
        self.invariants = invariants
        self.bounds = bounds
        self.mode = mode
        self.options = options
        self.decidesEveryInvariant = decidesEveryInvariant
    }

    /// Checks workloads until one violates a property, and shrinks that one (or, deciding every
    /// invariant, until each is violated or every workload checked).
    ///
    /// `progress` is called after every workload checked and every shrinking step. Throws
    /// `FuzzError` for bounds or modes that cannot be run, and what a check throws (a Z3 error).
    public func run(progress: ((FuzzProgress) -> Void)? = nil) throws -> FuzzReport {
        if let problem = bounds.problem { throw FuzzError.bounds(problem) }
        if let data = options.data, let problem = data.problem(for: largestScenario) {
            throw FuzzError.bounds("the largest workload within the bounds: \(problem)")
        }
        let start = ContinuousClock.now
        var report = FuzzReport(
            policy: policy.name, invariants: invariants.map(\.name), bounds: bounds, mode: mode,
            decidesEveryInvariant: decidesEveryInvariant)
        report.crashes = options.crashes.flatMap { $0 > 0 ? $0 : nil }

        let candidates = try self.candidates()

        // Workloads are checked in batches, side by side, and their results taken in order: the report
        // is the same whatever the number of workers. A batch is cut short where properties are found
        // violated, and its rest checked again for those still open.
        var open = invariants
        var pending: [Workload] = []
        // An interrupted search ends the hunt too: the workloads checked so far are the report.
        searching: while !open.isEmpty, options.search.cancellation?.isCancelled != true {
            while pending.count < 4 * workers, let next = candidates.next() { pending.append(next) }
            guard !pending.isEmpty else { break }
            let properties = open
            let checked = try pending.concurrentMap(workers: workers) { workload in
                try check(workload, for: properties)
            }
            for (index, (workload, result)) in zip(pending, checked).enumerated() {
                report.workloads += 1
                report.states += result.search.states
                if result.results.contains(where: { $0.verdict == .unknown }) { report.unknownWorkloads += 1 }
                progress?(.checked(workloads: report.workloads, states: report.states))
                let violated = result.results.filter { $0.verdict == .violated }.map(\.property)
                guard !violated.isEmpty else { continue }
                for property in decidesEveryInvariant ? violated : [violated[0]] {
                    let before = report.shrinkSteps
                    let shrunk = try shrink(workload, violating: property, report: &report, progress: progress)
                    report.findings.append(
                        try finding(
                            property: property, original: workload, number: report.workloads, shrunk: shrunk,
                            steps: report.shrinkSteps - before))
                }
                guard decidesEveryInvariant else { break searching }
                open.removeAll { violated.contains($0.name) }
                pending.removeFirst(index + 1)
                continue searching
            }
            pending.removeAll()
        }
        report.seconds = Double(ContinuousClock.now - start)
        return report
    }

    /// The workloads to check, in order: sampled from the seed, or every one within the bounds.
    private func candidates() throws -> AnyIterator<Workload> {
        switch mode {
        case .sample(let runs, let seed):
            guard runs > 0 else { throw FuzzError.bounds("--runs must be at least 1, found \(runs)") }
            return AnyIterator(
                Sampler(
                    space: WorkloadSpace(bounds: bounds), runs: runs, seed: seed, largestFirst: largestFirst,
                    cancellation: options.search.cancellation))
        case .exhaustive(let limit):
            let space = WorkloadSpace(bounds: bounds)
            guard space.count <= Double(limit) else {
                throw FuzzError.tooManyWorkloads(space.count, limit: limit, bounds: bounds)
            }
            return AnyIterator(space.all().makeIterator())
        }
    }

    /// `workload`'s verdicts on `properties` under the policy, without traces.
    private func check(_ workload: Workload, for properties: [ExtentProperty]) throws -> PolicyReport {
        let scenario = workload.scenario(named: "fuzz", policies: [policy], invariants: properties)
        return try ExtentChecker(options: checkOptions(traces: false)).check(scenario).policies[0]
    }

    /// `workload` shrunk while it violates `property`: the candidates of each step are checked side
    /// by side and the first in their order that still violates is taken, until none does.
    private func shrink(
        _ workload: Workload, violating property: String, report: inout FuzzReport,
        progress: ((FuzzProgress) -> Void)?
    ) throws -> Workload {
        let checked = invariants.filter { $0.name == property }
        var shrunk = workload
        while true {
            let candidates = shrunk.shrinkCandidates
            let results = try candidates.concurrentMap(workers: workers) { candidate in
                try check(candidate, for: checked)
            }
            guard let taken = results.firstIndex(where: { $0.results[0].verdict == .violated }) else {
                report.shrinkCandidates += candidates.count
                report.states += results.map(\.search.states).reduce(0, +)
                return shrunk
            }
            report.shrinkCandidates += taken + 1
            report.states += results[...taken].map(\.search.states).reduce(0, +)
            report.shrinkSteps += 1
            shrunk = candidates[taken]
            progress?(.shrunk(to: shrunk))
        }
    }

    /// How many workloads are checked at once: the options' workers, or one per core.
    private var workers: Int { options.workers ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The shrunk workload as a scenario that expects the violation, checked once more for its trace.
    private func finding(
        property: String, original: Workload, number: Int, shrunk: Workload, steps: Int
    ) throws -> FuzzReport.Finding {
        var scenario = shrunk.scenario(
            named: "fuzz-\(policy.name)-\(property)",
            about: "The smallest workload found that violates \(property) under \(policy.name): \(shrunk).",
            policies: [policy], invariants: invariants.filter { $0.name == property })
        scenario.data = options.data ?? .symbolic
        scenario.crashes = options.crashes ?? 0
        scenario.expectations = [policy.name: [property: .violated]]
        let result = try ExtentChecker(options: checkOptions(traces: true)).check(scenario).policies[0].results[0]
        return FuzzReport.Finding(
            property: property, workload: number, shrinkSteps: steps, original: original, shrunk: shrunk,
            scenario: scenario, result: result)
    }

    /// A scenario with as many fresh words as any workload within the bounds.
    private var largestScenario: Scenario {
        let geometry = Geometry(blocks: bounds.blocks, blockWords: bounds.blockWords, mirrors: bounds.mirrors)
        let script = [Workload.Step.directWrite(at: 0, blocks: bounds.blocks)]
        let read = Workload.Read.directRead(at: 0, blocks: bounds.blocks)
        return Workload(
            geometry: geometry, writers: Array(repeating: script, count: bounds.writers),
            readers: Array(repeating: read, count: bounds.readers), scrub: bounds.scrub
        ).scenario(named: "largest", policies: [policy], invariants: invariants)
    }

    private func checkOptions(traces: Bool) -> CheckOptions {
        var options = options
        options.policies = nil
        options.properties = nil
        options.data = options.data ?? .symbolic
        options.computesTraces = traces
        options.workers = 1  // one thread per check: the fuzzer spreads workloads over the cores instead
        options.progress = nil
        return options
    }
}
