@_spi(Search) import Explorer
@_spi(Search) import Extent
import ExtentCheck
import Testing

/// The model the checker runs, used directly: what the package's own modules do with it, which
/// a user of ExtentCheck cannot (it is `package`), agrees with what the checker reports.
@Suite("The model used directly")
struct ModelTests {
    @Test("a model built without an oracle decides symbolic data as the checker does, under a policy that checks completions")
    func modelWithoutAnOracle() throws {
        let scenario = Scenario(
            name: "verified", geometry: Geometry(blocks: 1), buffers: [Buffer(name: "page", blocks: 1)],
            actors: [.writer("qemu", [.directWrite(IORange(buffer: 0, at: 0, blocks: 1))]), .mutator("fs", target: .buffer(0), budget: 1)],
            policies: [Policy.builtIn(named: "dio-verify")!], invariants: [.csumMatchesData, .writesSucceed])
        let model = try ExtentModel(scenario: scenario, policy: scenario.policies[0])
        #expect(model.oracle != nil)
        let outcome = Checker(system: model, properties: model.properties(for: scenario.invariants)).run()
        let report = try ExtentChecker().check(scenario).policies[0]
        #expect(outcome.statistics.states == report.search.states)
        for (result, (name, verdict)) in zip(report.results, outcome.verdicts) {
            let violated = verdict.verdict == .violated
            #expect(result.property == name)
            #expect((result.verdict == .violated) == violated, "\(name)")
        }
    }


    @Test("a scenario that validation refuses cannot be made a model either, with the same error")
    func invalidScenarioIsNoModel() throws {
        let scenario = Scenario(
            name: "past-the-end", buffers: [Buffer(name: "page", blocks: 1)],
            actors: [.writer("qemu", [.fsync, .directWrite(IORange(buffer: 0, at: 5, blocks: 1))])])
        let error = try #require(throws: ScenarioError.self) { try scenario.validate() }
        #expect(throws: error) { try ExtentModel(scenario: scenario, policy: Policy.builtIn[0]) }
    }
}
