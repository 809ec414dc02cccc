internal import Foundation
@_spi(Search) internal import Extent
public import ExtentCheck

/// Decides whether a logged run of a model is a behaviour of the model under each of its policies
/// (docs/conformance.md).
///
/// ```swift
/// let log = try EventLog.load(contentsOf: "fidelity/logs/6.1/1-qemu-cache-none.ndjson")
/// let report = try ConformanceChecker().check(log, against: ExtentChecker.loadModel(at: "Models/qemu-cache-none.yaml"))
/// print(report.admittingPolicies)  // ["dio-csum", ...]
/// ```
public struct ConformanceChecker: Sendable {
    /// The policies to check, by name, built in or the model's; nil for every policy the model lists.
    public var policies: [String]?
    /// The data mode to search in; nil for the model's.
    public var data: DataMode?
    /// Whether every built-in policy is checked too, after the model's own or those named: the
    /// kernel's policy measured among all known designs.
    public var includesBuiltIns: Bool
    /// Whether every run is searched, even one whose events an earlier run had: a baseline for the
    /// benchmark of searching each distinct run once.
    package var searchesEveryRun = false

    /// Creates a checker.
    public init(policies: [String]? = nil, data: DataMode? = nil, includesBuiltIns: Bool = false) {
        self.policies = policies
        self.data = data
        self.includesBuiltIns = includesBuiltIns
    }

    /// Checks every run of `log` against `scenario` under each policy.
    ///
    /// Throws `EventLogError` for a log of another model or with an event the model cannot have (an
    /// unknown actor, a block it does not have), `CheckError` for a policy it does not know, and
    /// `ScenarioError` for a scenario that cannot be checked; nothing is searched then.
    ///
    /// - Complexity: One search per policy and distinct run; each is breadth-first over the model's
    ///   states times the run's events, and a run of a small model takes milliseconds.
    public func check(_ log: EventLog, against scenario: Scenario) throws -> ConformanceReport {
        var scenario = scenario
        if let data {
            scenario.data = data
            if let problem = data.problem(for: scenario) { throw CheckError.dataMode(problem, model: scenario.name) }
        }
        try scenario.validate()
        guard log.model == scenario.name else {
            throw EventLogError(path: log.path, line: 1, key: "model", message: "the log is of model \(log.model), not \(scenario.name)")
        }
        let runs = try LoggedRuns(log, scenario: scenario)
        let observed = Set(log.observes)
        var results: [PolicyConformance] = []
        for policy in try selectedPolicies(of: scenario) {
            results.append(try runs.check(under: policy, observing: observed, reusingRuns: !searchesEveryRun))
        }
        return ConformanceReport(
            log: log.path, model: scenario.name, kernel: log.kernel, recorder: log.recorder, observes: log.observes,
            events: log.events.count, runs: runs.runs.count, data: "\(scenario.data)", policies: results,
            admittingPolicies: results.filter(\.admits).map(\.policy))
    }

    private func selectedPolicies(of scenario: Scenario) throws(CheckError) -> [Policy] {
        var selected = scenario.policies
        if let policies {
            var named = Set<String>()
            selected = try policies.filter { named.insert($0).inserted }.map { (name) throws(CheckError) in
                guard let policy = scenario.policy(named: name) ?? Policy.builtIn(named: name) else {
                    throw CheckError.unknownPolicy(name, known: scenario.policies.map(\.name))
                }
                return policy
            }
        }
        guard includesBuiltIns else { return selected }
        return selected + Policy.builtIn.filter { builtIn in !selected.contains { $0.name == builtIn.name } }
    }
}
