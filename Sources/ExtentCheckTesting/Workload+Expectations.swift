public import ExtentCheck
public import Fuzzing
public import Testing

extension Workload {
    /// Checks `property` in this workload under the built-in policy `policy`, with symbolic data,
    /// and records a Swift Testing issue unless the verdict is `expected`: the workload as a model
    /// file that `extentcheck check` loads, the verdict, and its counterexample.
    ///
    /// It records rather than throws, as `#expect` does: a property check shrinks the workloads
    /// that record issues, and counts no thrown error.
    @discardableResult
    public func expect(
        _ property: ExtentProperty, _ expected: ExpectedVerdict, under policy: String,
        checker: ExtentChecker = ExtentChecker(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> PropertyResult? {
        guard let builtIn = Policy.builtIn(named: policy) else {
            Issue.record("\(CheckError.unknownPolicy(policy, known: Policy.builtIn.map(\.name)))", sourceLocation: sourceLocation)
            return nil
        }
        return expect(property, expected, under: builtIn, checker: checker, sourceLocation: sourceLocation)
    }

    /// Checks `property` in this workload under `policy`, with symbolic data, and records a Swift
    /// Testing issue unless the verdict is `expected`.
    @discardableResult
    public func expect(
        _ property: ExtentProperty, _ expected: ExpectedVerdict, under policy: Policy,
        checker: ExtentChecker = ExtentChecker(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> PropertyResult? {
        let scenario = scenario(named: "workload", about: description, policies: [policy], invariants: [property])
        do {
            return try checker.expect(property, expected, in: scenario, under: policy.name)
        } catch let failure as ExpectationFailure {
            // The check ran, so the scenario is valid and has a model file.
            let model = (try? ModelFileWriter.yaml(for: scenario)) ?? "\(self)\n"
            Issue.record("\(model)\n\(failure)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("the check of \(self) failed: \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
