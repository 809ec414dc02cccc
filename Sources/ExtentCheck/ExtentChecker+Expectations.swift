public import Extent

extension ExtentChecker {
    /// Checks `property` in the model file at `path` under `policy`, and throws `ExpectationFailure`,
    /// whose description is the counterexample (or for `sometimes`, the absence of an example),
    /// unless the verdict is `expected`.
    ///
    /// ```swift
    /// try ExtentChecker().expect(quiescentAgreement, .holds, in: "Models/raid1-mirrors.yaml", under: "dup-fallback")
    /// ```
    ///
    /// - Complexity: That of ``check(_:)`` for one policy and one property.
    @discardableResult
    public func expect(
        _ property: ExtentProperty, _ expected: ExpectedVerdict, in path: String, under policy: String
    ) throws -> PropertyResult {
        try expect(property, expected, in: Self.loadModel(at: path), under: policy)
    }

    /// Checks `property` in `scenario` under `policy`, and throws `ExpectationFailure` unless the verdict is `expected`.
    ///
    /// - Complexity: That of ``check(_:)`` for one policy and one property.
    @discardableResult
    public func expect(
        _ property: ExtentProperty, _ expected: ExpectedVerdict, in scenario: Scenario, under policy: String
    ) throws -> PropertyResult {
        var checker = self
        checker.options.policies = [policy]
        checker.options.properties = [property.name]
        if !scenario.invariants.contains(property), !checker.properties.contains(property) {
            checker.properties.append(property)
        }
        let report = try checker.check(scenario).policies[0]
        let result = report.results[0]
        guard expected.isMet(by: result.verdict) == true else {
            throw ExpectationFailure(
                model: scenario.name, policy: policy, expected: expected, result: result, states: report.search.states)
        }
        return result
    }
}
