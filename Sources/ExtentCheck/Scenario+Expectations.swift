internal import Extent

extension Scenario {
    /// What is expected of `property` under `policy`: the model's `expect` entry, else the property's
    /// own expectation, else `holds` for a built-in invariant (a model expects its invariants to hold
    /// unless it says otherwise); nil where nothing is expected.
    func expectation(of property: ExtentProperty, under policy: String) -> ExpectedVerdict? {
        expectations[policy]?[property.name] ?? property.expectation ?? (property.isBuiltIn ? .holds : nil)
    }
}
