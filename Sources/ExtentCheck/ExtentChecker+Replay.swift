@_spi(Search) public import Extent

extension ExtentChecker {
    /// Replays `document` on `scenario`: under the document's policy, data mode and crashes, for its property
    /// (one of the model's invariants, a built-in one, or one of the checker's properties).
    ///
    /// Throws `CheckError` when the model has no such policy or property, or the data mode does not fit, and
    /// `ScenarioError` for a scenario that `Scenario.validate()` refuses.
    ///
    /// - Complexity: Linear in the trace's steps: each step is matched among the actions enabled where it
    ///   is taken and run once, and each state compared with the trace's. In symbolic mode two Z3 queries
    ///   then check the trace's values: that the steps allow them, and that they make the last state
    ///   violate the property. In `concrete:K` mode the trace's initial state is looked up among the
    ///   model's K^n initial states (n initial words).
    public func replay(_ document: TraceDocument, on scenario: Scenario) throws -> ReplayReport {
        var scenario = scenario
        do {
            scenario.data = try DataMode(parsing: document.data)
        } catch {
            throw CheckError.dataMode(error.description, model: scenario.name)
        }
        if let problem = scenario.data.problem(for: scenario) { throw CheckError.dataMode(problem, model: scenario.name) }
        if let crashes = document.crashes { scenario.crashes = crashes }
        try scenario.validate()
        guard let policy = scenario.policy(named: document.policy) ?? Policy.builtIn(named: document.policy) else {
            throw CheckError.unknownPolicy(document.policy, known: scenario.policies.map(\.name))
        }
        let known = scenario.invariants + properties
        guard let property = known.first(where: { $0.name == document.property }) ?? ExtentProperty.builtIn(named: document.property)
        else {
            throw CheckError.propertyNotInModel(document.property, model: scenario.name, known: known.map(\.name))
        }
        let model = try ExtentModel(scenario: scenario, policy: policy, oracle: try oracle(for: scenario))
        return ReplayReport(
            document: document, kind: property.kind, modelFile: nil, outcome: try model.replay(document.trace, for: property),
            modelChanged: try TraceDocument.digest(of: scenario) != document.modelDigest,
            expected: scenario.expectation(of: property, under: policy.name))
    }
}
