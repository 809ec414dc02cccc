public import Extent
internal import Dispatch
internal import Explorer
internal import Foundation
internal import Synchronization
public import ModelFile

/// Checks models: every policy a model lists, every invariant it names,
/// each result compared with the model's `expect`.
///
/// ```swift
/// let report = try ExtentCheck.check(file: "Models/qemu-cache-none.yaml")
/// #expect(report.status == .asExpected)
/// ```
public enum ExtentCheck {
    /// Loads and checks the model file at `path`.
    ///
    /// Throws `ModelFileError` for a file that is not a valid model and `CheckError` for options that
    /// do not fit the model; nothing is checked then.
    public static func check(file path: String, options: CheckOptions = CheckOptions()) throws -> ModelReport {
        var report = try check(loadModel(at: path), options: options)
        report.file = path
        return report
    }

    /// Loads the model file at `path`; throws `ModelFileError` naming the file, line and key of a mistake.
    public static func loadModel(at path: String) throws(ModelFileError) -> Scenario {
        try ModelFile.load(contentsOf: path)
    }

    /// Throws `CheckError` if `options` name a policy or invariant that `scenario` cannot be checked for.
    public static func validate(_ options: CheckOptions, for scenario: Scenario) throws(CheckError) {
        _ = try plan(scenario, options)
    }

    /// Checks a scenario built in Swift or loaded from a file.
    public static func check(_ scenario: Scenario, options: CheckOptions = CheckOptions()) throws -> ModelReport {
        let (policies, invariants) = try plan(scenario, options)
        return ModelReport(
            model: scenario.name, file: nil, about: scenario.about, shape: shape(of: scenario),
            policies: try inParallel(policies, workers: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount) { policy in
                try check(scenario, under: policy, invariants: invariants, options: options)
            })
    }

    /// Checks one policy: one search deciding every invariant at once.
    static func check(
        _ scenario: Scenario, under policy: Policy, invariants: [Invariant], options: CheckOptions
    ) throws -> PolicyReport {
        let model = ExtentModel(scenario: scenario, policy: policy)
        let oracle: SolverOracle? =
            scenario.data == .symbolic
            ? try SolverOracle(
                geometry: scenario.geometry, checksum: scenario.checksum,
                usesShortcuts: options.usesSolverShortcuts, timeoutMilliseconds: options.solverTimeoutMilliseconds)
            : nil
        let progress = options.progress.map { report in { @Sendable statistics in report(policy.name, statistics) } }
        let checker = Checker(
            system: model, properties: model.properties(for: invariants, oracle: oracle),
            options: CheckerOptions(
                strategy: options.strategy, storage: options.storage, maxStates: options.maxStates,
                maxDepth: options.maxDepth, timeout: options.timeout, progress: progress))
        let outcome = checker.run()

        let expectations = scenario.expectations[policy.name] ?? [:]
        let results = try zip(invariants, outcome.verdicts).map { invariant, named in
            var result = InvariantResult(invariant: invariant, verdict: .holds, expected: expectations[invariant])
            switch named.verdict {
            case .holds:
                break
            case .violated(let path):
                result.verdict = .violated
                result.trace = try model.trace(of: path, violating: invariant, oracle: oracle)
            case .unknown(let reason):
                result.verdict = .unknown
                result.reason = reason
            }
            return result
        }
        return PolicyReport(
            policy: policy.name, summary: policy.summary, results: results, search: outcome.statistics,
            solver: oracle.map {
                SolverStatistics(
                    calls: $0.statistics.calls, seconds: $0.statistics.seconds,
                    cacheHits: $0.statistics.cacheHits, identical: $0.statistics.identical)
            },
            collisionProbability: options.storage == .exact
                ? 0 : Fingerprint.collisionProbability(states: outcome.statistics.states),
            limit: outcome.limit?.description)
    }

    /// `body` applied to every element, by up to `workers` threads at once, results in order.
    ///
    /// Every search owns its Z3 context, so policies can be checked side by side; the first error
    /// (in element order) is thrown after all have run.
    static func inParallel<Element: Sendable, Result: Sendable>(
        _ elements: [Element], workers: Int, _ body: @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        let results = Mutex([Swift.Result<Result, any Error>?](repeating: nil, count: elements.count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, elements.count))) { _ in
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < elements.count else { return }
                let result = Swift.Result { try body(elements[index]) }
                results.withLock { $0[index] = result }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// The policies and invariants `options` select from `scenario`, in the model's order of invariants.
    private static func plan(
        _ scenario: Scenario, _ options: CheckOptions
    ) throws(CheckError) -> (policies: [Policy], invariants: [Invariant]) {
        if let selected = options.invariants, let missing = selected.first(where: { !scenario.invariants.contains($0) }) {
            throw CheckError.invariantNotInModel(missing.rawValue, model: scenario.name)
        }
        let invariants = options.invariants.map { selected in scenario.invariants.filter(selected.contains) }
            ?? scenario.invariants
        guard let names = options.policies else { return (scenario.policies, invariants) }
        var named = Set<String>()
        let policies = try names.filter { named.insert($0).inserted }.map { (name) throws(CheckError) in
            guard let policy = scenario.policy(named: name) ?? Policy.builtIn(named: name) else {
                throw CheckError.unknownPolicy(name, known: scenario.policies.map(\.name))
            }
            return policy
        }
        return (policies, invariants)
    }

    private static func shape(of scenario: Scenario) -> String {
        let geometry = scenario.geometry
        let count = TextReporter.count
        return "\(count(geometry.blocks, "block")) of \(count(geometry.blockWords, "word")) × \(geometry.wordBits) bits, "
            + "\(count(geometry.mirrors, "mirror")), \(scenario.data) data, \(scenario.checksum.rawValue) checksum"
    }
}
