import ExtentCheck
import Extent
import Promela
import Testing

/// Every bundled model, exported to Promela for each of its policies in `concrete:2`, gets from SPIN
/// the verdicts and the state count extentcheck gives it; and every built-in invariant is asserted
/// under its own name; with a crash more, too.
@Suite struct PromelaTests {
    @Test(
        .enabled(if: SpinRun.isAvailable(), "needs spin and a C compiler (Debian: apt-get install spin gcc)"),
        arguments: PackagePaths.modelFiles)
    func spinAgreesWithEveryVerdictAndStateCount(file: String) throws {
        try expectSpinAgrees(with: try ExtentChecker.loadModel(at: PackagePaths.absolute(file)))
    }

    /// The crash of §10, written apart in Promela, counts alike: every bundled model with one crash
    /// more than it has (two for the models that crash already).
    @Test(
        .enabled(if: SpinRun.isAvailable(), "needs spin and a C compiler (Debian: apt-get install spin gcc)"),
        arguments: PackagePaths.modelFiles)
    func spinAgreesWithOneCrashMore(file: String) throws {
        var scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        scenario.crashes += 1
        try expectSpinAgrees(with: scenario)
    }

    private func expectSpinAgrees(with scenario: Scenario) throws {
        let options = CheckOptions(data: .concrete(2), computesTraces: false, workers: 1)
        let report = try ExtentChecker(options: options).check(scenario)
        for (policy, checked) in zip(scenario.policies, report.policies) {
            let spin = try SpinRun.run(try PromelaModel(scenario: scenario, policy: policy, values: 2))
            #expect(spin.states == checked.search.states + 1, "\(policy.name), crashes: \(scenario.crashes)")
            let violated = Set(checked.results.filter { $0.verdict == .violated }.map(\.property))
            #expect(spin.violated == violated, "\(policy.name), crashes: \(scenario.crashes)")
        }
    }

    /// A renamed built-in must rename its assertion, not lose it: SPIN reports a failed assertion by
    /// its name, which is read back as the invariant's.
    @Test("the Promela text asserts each built-in invariant under its name, where the invariant can fail")
    func everyBuiltInIsAsserted() throws {
        var scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/dio-undone-change-raid1.yaml"))
        // A reader and a scrubber, so that §9's invariants are asserted too.
        scenario.buffers.append(Buffer(name: "read-back", blocks: 1))
        scenario.actors += [
            .reader("reader", [.directRead(IORange(buffer: scenario.buffers.count - 1, at: 0, blocks: 1))]),
            .scrubber("scrubber", passes: 1),
        ]
        scenario.invariants = ExtentProperty.builtIn
        // Two mirrors; nodatasum stores unchecksummed blocks, dio-verify fails writes.
        let texts = try ["nodatasum", "dio-verify"].map { name in
            try PromelaModel(scenario: scenario, policy: try #require(Policy.builtIn(named: name)), values: 2).text
        }
        for invariant in scenario.invariants {
            let flag = invariant.name.replacingOccurrences(of: "-", with: "_")
            #expect(texts.allSatisfy { $0.contains("hidden byte \(flag);") }, "\(invariant.name)")
            #expect(texts.contains { $0.contains("assert(\(flag))") }, "no assertion of \(invariant.name)")
        }
    }
}
