public import Extent
public import ExtentCheck

extension Fuzzer {
    /// `workload`'s verdicts on `properties` under `policy`, without traces.
    ///
    /// A reducing run decides them the cheapest way that gives the verdicts of a symbolic search:
    /// without a search where the policy's device guard guarantees them (`Policy.guarantees(_:in:)`);
    /// else with one value for every word where nothing reads a word (`isWordBlind(_:for:)`); else,
    /// where only checked completions read words, with one value for every word and both outcomes of
    /// every check (`isWordBlindButForChecks(_:for:)`), which finds every violation of the symbolic
    /// search and perhaps more, so that what it finds is searched again symbolically; else symbolically.
    func check(
        _ workload: Workload, under policy: Policy, for properties: [ExtentProperty], reductions: Set<Reduction>
    ) throws -> WorkloadVerdicts {
        let options = checkOptions(traces: false, reductions: reductions)
        var scenario = scenario(of: workload, policies: [policy], invariants: properties)
        if let data = options.data { scenario.data = data }
        guard reduces else {
            let report = try ExtentChecker(options: options).check(scenario).policies[0]
            return WorkloadVerdicts(results: report.results, searches: [report])
        }
        var decided: [ExtentProperty: PropertyResult] = [:]
        var searches: [PolicyReport] = []
        var open: [ExtentProperty] { properties.filter { decided[$0] == nil } }
        func search(_ searched: [ExtentProperty], options: CheckOptions, keeping kept: (Verdict) -> Bool = { _ in true }) throws {
            var scenario = scenario
            scenario.invariants = searched
            let report = try ExtentChecker(options: options).check(scenario).policies[0]
            searches.append(report)
            for (property, result) in zip(searched, report.results) where kept(result.verdict) { decided[property] = result }
        }
        for property in properties where policy.guarantees(property, in: scenario) {
            decided[property] = PropertyResult(
                property: property.name, kind: property.kind, verdict: .holds,
                reason: "every block stored passed the device's guard, which rules out a violation")
        }
        var blind = options
        blind.data = .concrete(1)
        if !open.isEmpty, open.allSatisfy({ isWordBlind(scenario, for: $0) }) {
            try search(open, options: blind)
        } else if !open.isEmpty, open.allSatisfy({ isWordBlindButForChecks(scenario, for: $0) }) {
            blind.takesEveryCheckOutcome = true
            try search(open, options: blind, keeping: { $0 == .holds })
        }
        if !open.isEmpty { try search(open, options: options) }
        return WorkloadVerdicts(results: properties.map { decided[$0]! }, searches: searches)
    }

    /// Whether `property`'s verdict on `scenario` (under its one policy) is the same whatever the words
    /// hold. No step may read a word to branch: no checked `complete` (§8), no reader or scrubber
    /// (§9), no crash (§10). Then every run is a run with every word 0 and the same steps, and back, so
    /// a property that reads no word has the same verdict and shortest violation in both.
    func isWordBlind(_ scenario: Scenario, for property: ExtentProperty) -> Bool {
        guard let observed = policyBranchingOnlyAtChecks(scenario), !observed.checksCompletions else { return false }
        return readsNoWord(property, under: observed)
    }

    /// Whether `property` reads no word and, in `scenario` (under its one policy), only checked
    /// completions (§8) read words to branch, other than for `writes-succeed`, which is about their
    /// outcomes. Then a search with every word 0 in which every check may both succeed and fail has
    /// every run of the scenario, with the same steps enabled in every state but more outcomes: where
    /// `property` holds there, it holds in the scenario.
    func isWordBlindButForChecks(_ scenario: Scenario, for property: ExtentProperty) -> Bool {
        guard let observed = policyBranchingOnlyAtChecks(scenario), observed.checksCompletions, property != .writesSucceed
        else { return false }
        return readsNoWord(property, under: observed)
    }

    /// The scenario's policy as the scenario observes it, if nothing but a checked `complete` can read
    /// a word to branch: no reader or scrubber, no crash.
    private func policyBranchingOnlyAtChecks(_ scenario: Scenario) -> Policy? {
        guard scenario.crashes == 0, !scenario.actors.contains(where: \.readsBack), let policy = scenario.policies.first
        else { return nil }
        return policy.observed(by: scenario)
    }

    /// Whether `property` reads no word under `observed`: `checksummed`, `no-deadlock` and
    /// `writes-succeed` look at steps and flags, and `csum-matches-data` reads words only of blocks
    /// with a stored checksum, which a policy that checksums nothing never has. A property stated in
    /// Swift may read anything, whatever its name.
    private func readsNoWord(_ property: ExtentProperty, under observed: Policy) -> Bool {
        guard property.isBuiltIn else { return false }
        return switch property {
        case .checksummed, .noDeadlock, .writesSucceed: true
        case .csumMatchesData: !observed.checksumsAnything
        default: false
        }
    }

    /// The shrunk workload as a scenario that expects the violation, checked once more for its trace.
    /// The trace is the unreduced search's: the same whether the run reduced or not.
    func finding(
        property: String, policy: Policy, original: Workload, number: Int, shrunk: Workload, steps: Int
    ) throws -> FuzzReport.Finding {
        var scenario = shrunk.scenario(
            named: "fuzz-\(policy.name)-\(property)",
            about: "The smallest workload found that violates \(property) under \(policy.name): \(shrunk).",
            policies: [policy], invariants: invariants.filter { $0.name == property })
        scenario.data = options.data ?? .symbolic
        scenario.crashes = options.crashes ?? 0
        scenario.expectations = [policy.name: [property: .violated]]
        let result = try ExtentChecker(options: checkOptions(traces: true, reductions: [])).check(scenario).policies[0].results[0]
        return FuzzReport.Finding(
            property: property, workload: number, shrinkSteps: steps, original: original, shrunk: shrunk,
            scenario: scenario, result: result)
    }
}
