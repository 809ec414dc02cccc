import ExtentCheck
import Extent
import Promela
import Testing

/// Every bundled model, exported to Promela for each of its policies in `concrete:2`, gets from SPIN
/// the verdicts and the state count extentcheck gives it.
@Suite(.enabled(if: SpinRun.isAvailable(), "needs spin and a C compiler (Debian: apt-get install spin gcc)"))
struct PromelaTests {
    @Test(arguments: PackagePaths.modelFiles)
    func spinAgreesWithEveryVerdictAndStateCount(file: String) throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        let options = CheckOptions(data: .concrete(2), computesTraces: false, workers: 1)
        let report = try ExtentChecker(options: options).check(scenario)
        for (policy, checked) in zip(scenario.policies, report.policies) {
            let spin = try SpinRun.run(try PromelaModel(scenario: scenario, policy: policy, values: 2))
            #expect(spin.states == checked.search.states + 1, "\(policy.name)")
            let violated = Set(checked.results.filter { $0.verdict == .violated }.map(\.property))
            #expect(spin.violated == violated, "\(policy.name)")
        }
    }
}
