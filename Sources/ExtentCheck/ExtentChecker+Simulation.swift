@_spi(Search) public import Explorer
@_spi(Search) public import Extent

extension ExtentChecker {
    /// Random walks over every policy of `scenario` the options select, for models too large to
    /// explore exhaustively; the first violation of every property is shrunk and replayed.
    ///
    /// The options' policies, properties, data mode and solver budget apply; their search limits do not.
    ///
    /// - Complexity: At most `walks.walks × walks.depth` steps per policy, every property not yet found
    ///   violated judged at each (in symbolic mode, Z3 queries as for ``check(_:)``). The first violation
    ///   of each property is then shrunk: each candidate, no longer than the violating walk, is replayed
    ///   step by step. Memory is that of one walk, not of the states visited.
    public func simulate(_ scenario: Scenario, walks: SimulationOptions) throws -> SimulationReport {
        let (scenario, policies, properties) = try plan(scenario)
        return SimulationReport(
            model: scenario.name, file: nil, walks: walks.walks, depth: walks.depth, seed: walks.seed,
            bias: walks.bias.rawValue, crashes: scenario.crashes > 0 ? scenario.crashes : nil,
            policies: try policies.concurrentMap(workers: workers) { policy in
                try simulate(scenario, under: policy, properties: properties, walks: walks)
            })
    }

    private func simulate(
        _ scenario: Scenario, under policy: Policy, properties: [ExtentProperty], walks: SimulationOptions
    ) throws -> SimulationReport.Policy {
        let model = try ExtentModel(scenario: scenario, policy: policy, oracle: try oracle(for: scenario))
        let outcome = Simulator(
            system: model, properties: model.properties(for: properties), options: walks, actor: model.actor(of:),
            activity: model.activity(of:)
        ).run()
        let results = try zip(properties, outcome.verdicts).map { property, found in
            var result = PropertyResult(
                property: property.name, kind: property.kind, verdict: found.verdict,
                expected: scenario.expectation(of: property, under: policy.name), reason: found.reason)
            if let walk = found.walk, let shrunk = found.path {
                result.walk = walk.number
                if options.computesTraces {
                    result.walked = try model.trace(of: walk.path, for: property)
                    result.trace = try model.trace(of: shrunk, for: property)
                }
            }
            return result
        }
        return SimulationReport.Policy(
            policy: policy.name, walks: outcome.walks, steps: outcome.steps, seconds: outcome.seconds,
            limit: outcome.limit?.description, results: results)
    }
}
