@_spi(Search) internal import Explorer
public import Extent
public import ExtentCheck
internal import Foundation

/// Looks for the smallest workload that breaks a policy: checks generated workloads exhaustively
/// (every interleaving, symbolic data unless the options say otherwise), stops at the first that
/// violates a property, and shrinks it to one none of whose reductions still violates that property.
/// Given several policies, it fills the policy × invariant table: one search of a workload serves
/// every policy that workload cannot tell apart.
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

    /// The policies to break, in the table's order.
    public var policies: [Policy]
    /// The properties a workload may violate; the contract's invariants by default.
    public var invariants: [ExtentProperty]
    /// The largest workloads generated.
    public var bounds: WorkloadBounds
    /// Sampled or exhaustive.
    public var mode: Mode
    /// How each workload is checked: search limits, the solver's budget, the data mode (symbolic if
    /// not given), the reductions, and how many workloads are checked at once (`workers`; one per
    /// core if not given). Policies, properties and traces are the fuzzer's to set.
    public var options: CheckOptions
    /// Whether to go on after a violation until every invariant is violated or every workload
    /// checked, shrinking the first violation of each; by default the run ends at the first.
    public var decidesEveryInvariant: Bool
    /// Whether a sampled run draws its largest workloads first and shrinks the scale towards the
    /// end: swarm members alternate, so that between them both orders are searched.
    public var largestFirst = false
    /// Whether the run does less work for the same verdicts and shrunk workloads (the default):
    /// workloads that are one another renamed are checked once, one search of a workload serves
    /// every policy it cannot tell apart (`Policy.observed(by:)`), and a search without its own
    /// `options.reductions` is reduced by symmetry and partial order. Off, every workload is searched
    /// alone under every policy, unreduced.
    public var reduces = true
    /// The share of an exhaustive run this process checks: workload classes `index`, `index + count`,
    /// … of the run's order. Nil for all of them.
    public var shard: SwarmMember?

    /// Creates a fuzzer of one policy; by default it samples 100 workloads from seed 1 within the
    /// default bounds, and decides the built-in invariants of workloads without readers
    /// (`bounds.builtInInvariants` are those of workloads within `bounds`).
    public init(
        policy: Policy, invariants: [ExtentProperty] = ExtentProperty.builtIn(for: []), bounds: WorkloadBounds = WorkloadBounds(),
        mode: Mode = .sample(runs: 100, seed: 1), options: CheckOptions = CheckOptions(),
        decidesEveryInvariant: Bool = false
    ) {
        self.init(
            policies: [policy], invariants: invariants, bounds: bounds, mode: mode, options: options,
            decidesEveryInvariant: decidesEveryInvariant)
    }

    /// Creates a fuzzer of several policies, for the table of their invariants.
    public init(
        policies: [Policy], invariants: [ExtentProperty] = ExtentProperty.builtIn(for: []),
        bounds: WorkloadBounds = WorkloadBounds(), mode: Mode = .exhaustive(limit: 100_000),
        options: CheckOptions = CheckOptions(), decidesEveryInvariant: Bool = true
    ) {
        self.policies = policies
        self.invariants = invariants
        self.bounds = bounds
        self.mode = mode
        self.options = options
        self.decidesEveryInvariant = decidesEveryInvariant
    }

    /// The policy to break: the first of `policies`.
    public var policy: Policy {
        get { policies[0] }
        set { policies = [newValue] }
    }

    /// Checks workloads until one violates a property, and shrinks that one (or, deciding every
    /// invariant, until each is violated or every workload checked). The report of the first policy.
    ///
    /// `progress` is called after every workload checked and every shrinking step. Throws
    /// `FuzzError` for bounds or modes that cannot be run, and what a check throws (a Z3 error).
    public func run(progress: ((FuzzProgress) -> Void)? = nil) throws -> FuzzReport {
        try runTable(progress: progress).reports[0]
    }

    /// Checks workloads for every policy at once, and shrinks the first violation of each policy (or,
    /// deciding every invariant, of each policy and invariant): the table of their verdicts.
    ///
    /// `journal` is told every cell as it is decided, and every workload checked, so that a run
    /// stopped early keeps what it found and can be resumed. Throws as `run(progress:)` does.
    public func runTable(
        journal: FuzzJournal? = nil, progress: ((FuzzProgress) -> Void)? = nil
    ) throws -> FuzzTable {
        if policies.isEmpty { throw FuzzError.bounds("give at least one policy") }
        if let problem = bounds.problem { throw FuzzError.bounds(problem) }
        if let data = options.data, let problem = data.problem(for: largestScenario) {
            throw FuzzError.bounds("the largest workload within the bounds: \(problem)")
        }
        if shard != nil, case .sample = mode { throw FuzzError.bounds("--shard splits an exhaustive run; a sampled one is split with --swarm") }
        // Thousands of small checks: each takes a kept solver rather than making one.
        var fuzzer = self
        fuzzer.options.solverPool = fuzzer.options.solverPool ?? SolverPool()
        var session = try FuzzSession(fuzzer: fuzzer, journal: journal)
        try session.run(progress: progress)
        return session.table
    }

    /// The invariants the bounds let some workload violate, and for each other one why not.
    var unreachable: [String: String] {
        Dictionary(
            uniqueKeysWithValues: invariants.compactMap { property in
                bounds.whyUnreachable(property).map { (property.name, $0) }
            })
    }

    /// The reductions of every search: the options', or under `reduces` both if the options name none.
    var reductions: Set<Reduction> {
        guard reduces else { return options.reductions }
        return options.reductions.isEmpty ? Set(Reduction.allCases) : options.reductions
    }

    /// How many workloads are checked at once: the options' workers, or one per core.
    var workers: Int { options.workers ?? ProcessInfo.processInfo.activeProcessorCount }

    /// A scenario with as many fresh words as any workload within the bounds.
    private var largestScenario: Scenario {
        let geometry = Geometry(blocks: bounds.blocks, blockWords: bounds.blockWords, mirrors: bounds.mirrors)
        let script = [Workload.Step.directWrite(at: 0, blocks: bounds.blocks)]
        let read = Workload.Read.directRead(at: 0, blocks: bounds.blocks)
        return Workload(
            geometry: geometry, writers: Array(repeating: script, count: bounds.writers),
            readers: Array(repeating: read, count: bounds.readers), scrub: bounds.scrub
        ).scenario(named: "largest", policies: policies, invariants: invariants)
    }

    /// The options of one check: no progress, one thread (the fuzzer spreads workloads over the
    /// cores instead), traces only where asked, and the given reductions.
    func checkOptions(traces: Bool, reductions: Set<Reduction>) -> CheckOptions {
        var options = options
        options.policies = nil
        options.properties = nil
        options.data = options.data ?? .symbolic
        options.computesTraces = traces
        options.workers = 1
        options.progress = nil
        options.reductions = reductions
        return options
    }

    /// `workload` as the scenario checked for `invariants` under `policies`, with the options' crashes.
    func scenario(of workload: Workload, policies: [Policy], invariants: [ExtentProperty]) -> Scenario {
        var scenario = workload.scenario(named: "fuzz", policies: policies, invariants: invariants)
        scenario.crashes = options.crashes ?? 0
        return scenario
    }
}
