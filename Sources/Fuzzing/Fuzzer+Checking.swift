public import Extent
public import ExtentCheck

extension Fuzzer {
    /// `workload`'s verdicts on `properties` under `policy`, without traces.
    func check(
        _ workload: Workload, under policy: Policy, for properties: [ExtentProperty], reductions: Set<Reduction>
    ) throws -> PolicyReport {
        let scenario = scenario(of: workload, policies: [policy], invariants: properties)
        return try ExtentChecker(options: checkOptions(traces: false, reductions: reductions)).check(scenario).policies[0]
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
