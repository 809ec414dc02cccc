@_spi(Search) public import Extent
@_spi(Search) internal import Explorer
internal import Foundation
public import ModelFile

/// Checks models: every policy a model lists, every property it names and every property the
/// checker adds, each result compared with what the model expects.
///
/// ```swift
/// let report = try ExtentChecker().check(file: "Models/qemu-cache-none.yaml")
/// #expect(report.status == .asExpected)
/// ```
public struct ExtentChecker: Sendable {
    /// How to check.
    public var options: CheckOptions
    /// Properties stated in Swift, decided beside each model's own invariants.
    public var properties: [ExtentProperty]

    /// Creates a checker.
    public init(options: CheckOptions = CheckOptions(), properties: [ExtentProperty] = []) {
        self.options = options
        self.properties = properties
    }

    /// Loads and checks the model file at `path`.
    ///
    /// Throws `ModelFileError` for a file that is not a valid model and `CheckError` for options that
    /// do not fit the model; nothing is checked then.
    ///
    /// - Complexity: Reading the file is linear in its size; the check is that of ``check(_:)``.
    public func check(file path: String) throws -> ModelReport {
        var report = try check(Self.loadModel(at: path))
        report.file = path
        return report
    }

    /// Loads the model file at `path`; throws `ModelFileError` naming the file, line and key of a mistake.
    public static func loadModel(at path: String) throws(ModelFileError) -> Scenario {
        try ModelFileReader.load(contentsOf: path)
    }

    /// Throws `ScenarioError` if `scenario` cannot be checked (`Scenario.validate()`), and `CheckError` if the
    /// options name a policy or property that it cannot be checked for.
    public func validate(_ scenario: Scenario) throws {
        _ = try plan(scenario)
    }

    /// Checks a scenario built in Swift or loaded from a file.
    ///
    /// Throws `ScenarioError` for a scenario that `Scenario.validate()` refuses and `CheckError` for options
    /// that do not fit it, before anything is explored.
    ///
    /// - Complexity: One search per policy. Each reachable state is expanded once, and every property
    ///   not yet found violated is judged at each state (`always`, `sometimes`) or on each transition
    ///   (`onEveryTransition`): O(policies × (states + transitions) × properties) judgements, with the
    ///   states and transitions each policy's `PolicyReport.search` counts. Memory grows linearly with
    ///   the states seen, besides the frontier: with `SearchOptions.storage` `.fingerprints` (the
    ///   default) 12 to 14 bytes a state (a 64-bit fingerprint in 7 bytes, in tables 72% to 90% full,
    ///   and 4 bytes to rebuild paths), with `.exact` each state whole.
    ///
    ///   In symbolic mode a judgement asks Z3 at most one query per finding it returns, in order, up to
    ///   the first that is possible; a finding that folds without Z3 (identical terms) asks none.
    ///   Expanding a state asks two more only where a `complete`'s outcome depends on the data (a
    ///   verify or a device's guard). Answers are cached by the question's shape, per thread
    ///   (`PolicyReport.solver` counts the queries and the cache hits). In `concrete:K` mode no query
    ///   is asked, but there are K^n initial states for n initial words. With
    ///   `CheckOptions.computesTraces`, each violated property's trace costs a further breadth-first
    ///   search as deep as the trace (for the fewest actor switches) and Z3 queries for its values.
    public func check(_ scenario: Scenario) throws -> ModelReport {
        let (scenario, policies, properties) = try plan(scenario)
        return ModelReport(
            model: scenario.name, file: nil, about: scenario.about, shape: Self.shape(of: scenario),
            data: scenario.data.description, crashes: scenario.crashes, digest: try TraceDocument.digest(of: scenario),
            reductions: reductions(of: scenario),
            policies: try policies.concurrentMap(workers: workers) { policy in
                try check(scenario, under: policy, properties: properties, threads: max(1, workers / min(workers, policies.count)))
            })
    }

    /// Checks one policy: one search on `threads` threads deciding every property at once.
    func check(_ scenario: Scenario, under policy: Policy, properties: [ExtentProperty], threads: Int) throws -> PolicyReport {
        // The timeout bounds the whole check: the search, and the search for a trace's fewest switches.
        let deadline = options.search.timeout.map { ContinuousClock().now + $0 }
        var search = options.search
        if options.coverage { search.countsCoverage = true }
        if let report = options.progress {
            search.progress = { statistics in report(policy.name, statistics) }
        }
        // A checker per thread, each with its own solver.
        let checkers = try (0..<threads).map { _ in
            let model = try ExtentModel(
                scenario: scenario, policy: policy, oracle: try pooledOracle(for: scenario), reductions: options.reductions,
                takesEveryCheckOutcome: options.takesEveryCheckOutcome)
            return Checker(system: model, properties: model.properties(for: properties), options: search)
        }
        let checker = checkers[0]
        var outcome = checker.run(helpers: Array(checkers.dropFirst()))
        var oracles = checkers.compactMap(\.system.oracle)
        defer { options.solverPool?.giveBack(checkers.compactMap(\.system.oracle)) }
        // An outcome Z3 could not rule out was explored: nothing reachable is missed, so what holds
        // holds, but a discovery may lie on an impossible path.
        let undecided = oracles.contains { $0.statistics.undecidedOutcomes > 0 }
        // Traces take their values from a solver of their own: what a solver answers depends on what
        // it was asked before, and the searching solvers were asked what their threads happened to take.
        var model = checker.system
        if options.computesTraces, outcome.verdicts.contains(where: { $0.verdict.path != nil }) {
            outcome = checker.fewestSwitches(in: outcome, actor: model.actor(of:), deadline: deadline)
            model = try ExtentModel(
                scenario: scenario, policy: policy, oracle: try oracle(for: scenario), reductions: options.reductions,
                takesEveryCheckOutcome: options.takesEveryCheckOutcome)
            oracles += model.oracle.map { [$0] } ?? []
        }

        let results = try zip(properties, outcome.verdicts).map { property, named in
            let found = named.verdict
            var result = PropertyResult(
                property: property.name, kind: property.kind, verdict: found.verdict,
                expected: scenario.expectation(of: property, under: policy.name), reason: found.reason)
            if let path = found.path {
                if undecided {
                    result.verdict = .unknown
                    result.reason = "Z3 could not decide whether some complete's outcome is possible, and this "
                        + "discovery may depend on one that is not"
                } else if options.computesTraces {
                    result.trace = try model.trace(of: model.unreducedPath(path), for: property)
                }
            } else if found.verdict == .violated {
                result.reason = "no reachable state is an example: \(property.meaning)"
            }
            return result
        }
        return PolicyReport(
            policy: policy.name, summary: policy.summary, results: results, search: outcome.statistics,
            solver: SolverStatistics(adding: oracles.map(\.statistics)),
            collisionProbability: search.storage == .exact
                ? 0 : Fingerprint.collisionProbability(states: outcome.statistics.states),
            limit: outcome.limit?.description,
            coverage: checker.coverage(in: outcome).map(checker.system.coverageReport(of:)))
    }

    /// The options' reductions in words, in `Reduction`'s order; nil for none.
    func reductions(of scenario: Scenario) -> [String]? {
        guard !options.reductions.isEmpty else { return nil }
        return Reduction.allCases.filter(options.reductions.contains).map { reduction in
            guard reduction == .symmetry else { return reduction.description }
            let groups = scenario.interchangeableActors
            return groups.isEmpty
                ? "symmetry (no interchangeable writers or mutators)"
                : "symmetry (interchangeable: \(groups.map { $0.joined(separator: " = ") }.joined(separator: "; ")))"
        }
    }

    /// How many threads checking uses: the options' workers, or one per core; at least one.
    var workers: Int { max(1, options.workers ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// A new oracle for a symbolic scenario's comparisons, within the options' budget; nil in concrete mode.
    func oracle(for scenario: Scenario) throws -> SolverOracle? {
        guard scenario.data == .symbolic else { return nil }
        return try SolverOracle(
            geometry: scenario.geometry, checksum: scenario.checksum, usesShortcuts: options.usesSolverShortcuts,
            timeoutMilliseconds: solverTimeoutMilliseconds)
    }

    /// An oracle for a search of `scenario`: one the options' pool keeps, if one fits, or a new one.
    private func pooledOracle(for scenario: Scenario) throws -> SolverOracle? {
        guard scenario.data == .symbolic, let pool = options.solverPool else { return try oracle(for: scenario) }
        return try pool.take(
            geometry: scenario.geometry, checksum: scenario.checksum, usesShortcuts: options.usesSolverShortcuts,
            timeoutMilliseconds: solverTimeoutMilliseconds) ?? oracle(for: scenario)
    }

    /// The time after which one Z3 query is answered unknown: the options' solver timeout, and no
    /// longer than the search's own timeout, which a single query could otherwise outlast.
    var solverTimeoutMilliseconds: UInt32? {
        guard let timeout = options.search.timeout else { return options.solverTimeoutMilliseconds }
        // In floating point, so that no duration, however long, overflows.
        let milliseconds = UInt32(min(max(1, (Double(timeout) * 1000).rounded(.up)), Double(UInt32.max)))
        return min(options.solverTimeoutMilliseconds ?? .max, milliseconds)
    }

    /// `scenario` with the options' data mode and crashes, and the policies and properties the options select
    /// from it and the checker's own properties, in the model's order of properties, then the checker's.
    /// Throws `ScenarioError` for a scenario that cannot be checked, `CheckError` for options that do not fit it.
    func plan(_ scenario: Scenario) throws -> (
        scenario: Scenario, policies: [Policy], properties: [ExtentProperty]
    ) {
        var scenario = scenario
        if let data = options.data {
            scenario.data = data
            if let problem = data.problem(for: scenario) { throw CheckError.dataMode(problem, model: scenario.name) }
        }
        if let crashes = options.crashes { scenario.crashes = crashes }
        try scenario.validate()
        var all = scenario.invariants
        for property in properties {
            guard !all.contains(property) else { throw CheckError.duplicateProperty(property.name, model: scenario.name) }
            all.append(property)
        }
        if let selected = options.properties, let missing = selected.first(where: { name in !all.contains { $0.name == name } }) {
            throw CheckError.propertyNotInModel(missing, model: scenario.name, known: all.map(\.name))
        }
        let chosen = options.properties.map { selected in all.filter { selected.contains($0.name) } } ?? all
        if let property = chosen.first(where: { $0.expectation == .witnessed && $0.kind != .sometimes }) {
            throw CheckError.witnessedExpectation(property: property.name, kind: property.kind)
        }
        if let reduction = Reduction.allCases.first(where: options.reductions.contains),
            let property = chosen.first(where: { !$0.isBuiltIn })
        {
            throw CheckError.reductionWithSwiftProperty(reduction, property: property.name)
        }
        var policies = scenario.policies
        if let names = options.policies {
            var named = Set<String>()
            policies = try names.filter { named.insert($0).inserted }.map { (name) throws(CheckError) in
                guard let policy = scenario.policy(named: name) ?? Policy.builtIn(named: name) else {
                    throw CheckError.unknownPolicy(name, known: scenario.policies.map(\.name))
                }
                return policy
            }
        }
        return (scenario, policies, chosen)
    }

    private static func shape(of scenario: Scenario) -> String {
        let geometry = scenario.geometry
        let count = TextReporter.count
        return "\(count(geometry.blocks, "block")) of \(count(geometry.blockWords, "word")) × \(geometry.wordBits) bits, "
            + "\(count(geometry.mirrors, "mirror")), \(scenario.data) data, \(scenario.checksum.rawValue) checksum"
            + (scenario.crashes > 0 ? ", \(count(scenario.crashes, "crash"))" : "")
    }
}
