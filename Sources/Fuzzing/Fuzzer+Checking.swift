public import Extent
public import ExtentCheck

extension Fuzzer {
    /// `workload`'s verdicts on `properties` under `policy`, without traces.
    ///
    /// Where no step of the workload reads a word to branch and none of `properties` reads one, a
    /// reducing run searches with one value for every word (`isWordBlind(_:for:)`): the same runs, the
    /// same verdicts, without the states that differ only in what the words hold.
    func check(
        _ workload: Workload, under policy: Policy, for properties: [ExtentProperty], reductions: Set<Reduction>
    ) throws -> PolicyReport {
        let scenario = scenario(of: workload, policies: [policy], invariants: properties)
        var options = checkOptions(traces: false, reductions: reductions)
        if reduces, properties.allSatisfy({ isWordBlind(scenario, for: $0) }) { options.data = .concrete(1) }
        return try ExtentChecker(options: options).check(scenario).policies[0]
    }

    /// Whether `property`'s verdict on `scenario` (under its one policy) is the same whatever the words
    /// hold. No step may read a word to branch: no checked `complete` (§8), no reader or scrubber
    /// (§9), no crash (§10). Then every run is a run with every word 0 and the same steps, and back, so
    /// a property that reads no word has the same verdict and shortest violation in both:
    /// `checksummed`, `no-deadlock` and `writes-succeed` look at steps and flags, and
    /// `csum-matches-data` reads words only of blocks with a stored checksum, which a policy that
    /// checksums nothing never has.
    func isWordBlind(_ scenario: Scenario, for property: ExtentProperty) -> Bool {
        guard scenario.crashes == 0, !scenario.actors.contains(where: \.readsBack), let policy = scenario.policies.first
        else { return false }
        let observed = policy.observed(by: scenario)
        guard !observed.checksCompletions else { return false }
        switch property.name {
        case ExtentProperty.checksummed.name, ExtentProperty.noDeadlock.name, ExtentProperty.writesSucceed.name: return true
        case ExtentProperty.csumMatchesData.name: return !observed.checksumsAnything
        default: return false
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
