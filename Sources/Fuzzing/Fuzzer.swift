public import Extent
public import ExtentCheck
internal import Foundation

/// Looks for the smallest workload that breaks a policy: checks generated workloads exhaustively
/// (every interleaving, symbolic data unless the options say otherwise), stops at the first that violates a property, and shrinks it
/// to one none of whose reductions still violates that property.
///
/// ```swift
/// let fuzzer = Fuzzer(policy: Policy.builtIn(named: "dio-csum")!, invariants: [.csumMatchesData])
/// let report = try fuzzer.run()
/// print(report.finding?.shrunk ?? "no violation")
/// ```
public struct Fuzzer: Sendable {
    /// Which workloads to check.
    public enum Mode: Hashable, Sendable {
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
    /// How each workload is checked: search limits, the solver's budget, and the data mode (symbolic
    /// if not given). Policies, properties and traces are the fuzzer's to set.
    public var options: CheckOptions

    /// Creates a fuzzer; by default it samples 100 workloads from seed 1 within the default bounds.
    public init(
        policy: Policy, invariants: [ExtentProperty] = ExtentProperty.builtIn, bounds: WorkloadBounds = WorkloadBounds(),
        mode: Mode = .sample(runs: 100, seed: 1), options: CheckOptions = CheckOptions()
    ) {
        self.policy = policy
        self.invariants = invariants
        self.bounds = bounds
        self.mode = mode
        self.options = options
    }

    /// Checks workloads until one violates a property, and shrinks that one.
    ///
    /// `progress` is called after every workload checked and every shrinking step. Throws
    /// `FuzzError` for bounds or modes that cannot be run, and what a check throws (a Z3 error).
    public func run(progress: ((FuzzProgress) -> Void)? = nil) throws -> FuzzReport {
        if let problem = bounds.problem { throw FuzzError.bounds(problem) }
        if let data = options.data, let problem = data.problem(for: largestScenario) {
            throw FuzzError.bounds("the largest workload within the bounds: \(problem)")
        }
        let start = ContinuousClock.now
        var report = FuzzReport(policy: policy.name, invariants: invariants.map(\.name), bounds: bounds, mode: mode)

        func check(_ workload: Workload) throws -> PolicyReport {
            let scenario = workload.scenario(named: "fuzz", policies: [policy], invariants: invariants)
            let policyReport = try ExtentChecker(options: checkOptions(traces: false)).check(scenario).policies[0]
            report.states += policyReport.search.states
            return policyReport
        }

        let candidates: AnySequence<Workload>
        switch mode {
        case .sample(let runs, let seed):
            guard runs > 0 else { throw FuzzError.bounds("--runs must be at least 1, found \(runs)") }
            candidates = AnySequence(Sampler(space: WorkloadSpace(bounds: bounds), runs: runs, seed: seed))
        case .exhaustive(let limit):
            let space = WorkloadSpace(bounds: bounds)
            guard space.count <= Double(limit) else {
                throw FuzzError.tooManyWorkloads(space.count, limit: limit, bounds: bounds)
            }
            candidates = AnySequence(space.all())
        }

        for workload in candidates {
            let checked = try check(workload)
            report.workloads += 1
            if checked.results.contains(where: { $0.verdict == .unknown }) { report.unknownWorkloads += 1 }
            progress?(.checked(workloads: report.workloads, states: report.states))
            guard let violated = checked.results.first(where: { $0.verdict == .violated }) else { continue }

            var shrunk = workload
            shrinking: while true {
                for candidate in shrunk.shrinkCandidates {
                    report.shrinkCandidates += 1
                    let result = try check(candidate).results.first { $0.property == violated.property }
                    if result?.verdict == .violated {
                        shrunk = candidate
                        report.shrinkSteps += 1
                        progress?(.shrunk(to: shrunk))
                        continue shrinking
                    }
                }
                break
            }
            report.finding = try finding(property: violated.property, original: workload, shrunk: shrunk)
            break
        }
        report.seconds = (ContinuousClock.now - start).seconds
        return report
    }

    /// The shrunk workload as a scenario that expects the violation, checked once more for its trace.
    private func finding(property: String, original: Workload, shrunk: Workload) throws -> FuzzReport.Finding {
        var scenario = shrunk.scenario(
            named: "fuzz-\(policy.name)-\(property)",
            about: "The smallest workload found that violates \(property) under \(policy.name): \(shrunk).",
            policies: [policy], invariants: invariants.filter { $0.name == property })
        scenario.data = options.data ?? .symbolic
        scenario.expectations = [policy.name: [property: .violated]]
        let result = try ExtentChecker(options: checkOptions(traces: true)).check(scenario).policies[0].results[0]
        return FuzzReport.Finding(property: property, original: original, shrunk: shrunk, scenario: scenario, result: result)
    }

    /// A scenario with as many fresh words as any workload within the bounds.
    private var largestScenario: Scenario {
        let geometry = Geometry(blocks: bounds.blocks, blockWords: bounds.blockWords, mirrors: bounds.mirrors)
        let script = [Workload.Step.directWrite(at: 0, blocks: bounds.blocks)]
        return Workload(geometry: geometry, writers: Array(repeating: script, count: bounds.writers))
            .scenario(named: "largest", policies: [policy], invariants: invariants)
    }

    private func checkOptions(traces: Bool) -> CheckOptions {
        var options = options
        options.policies = nil
        options.properties = nil
        options.data = options.data ?? .symbolic
        options.computesTraces = traces
        options.jobs = 1
        options.progress = nil
        return options
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
