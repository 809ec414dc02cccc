@_spi(Search) import Explorer
@_spi(Search) import Extent
import ExtentCheck
import Testing

/// A check that counts coverage says where each policy's search went: per kind of step and actor,
/// the steps taken and the new states they reached first, adding up to the search's figures; and
/// the steps the model has but no reachable state enables.
@Suite struct CoverageReportTests {
    private func report(
        of scenario: Scenario, policies: [String]? = nil, reductions: Set<Reduction> = [], workers: Int = 1
    ) throws -> ModelReport {
        try ExtentChecker(
            options: CheckOptions(
                policies: policies, computesTraces: false, workers: workers, reductions: reductions, coverage: true)
        ).check(scenario)
    }

    private func model(_ file: String) throws -> Scenario {
        try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
    }

    /// The steps the model of `scenario` under `policy` could take, in the words of a report.
    private func possibleSteps(of scenario: Scenario, under policy: String) throws -> Set<CoverageReport.Step> {
        let policy = try #require(scenario.policy(named: policy) ?? Policy.builtIn(named: policy))
        let model = try ExtentModel(scenario: scenario, policy: policy)
        return Set(model.possibleSteps.map { key in
            let canFail = key.kind == .complete || key.kind == .check
            return CoverageReport.Step(kind: key.kind, fails: canFail ? key.fails : nil, actor: model.name(of: key.actor))
        })
    }

    @Test(arguments: PackagePaths.modelFiles)
    func countsAddUpAndEveryStepTakenIsOneTheModelHas(file: String) throws {
        let scenario = try model(file)
        for reductions in [[], [.symmetry, .partialOrder]] as [Set<Reduction>] {
            for policy in try report(of: scenario, reductions: reductions).policies {
                let label = "\(policy.policy) \(reductions.map(\.description).sorted())"
                let coverage = try #require(policy.coverage, "\(label)")
                #expect(coverage.steps.map(\.transitions).reduce(0, +) == policy.search.transitions, "\(label)")
                #expect(
                    coverage.steps.map(\.states).reduce(0, +) == policy.search.states - policy.search.initialStates, "\(label)")
                let taken = Set(coverage.steps.map(\.step))
                let possible = try possibleSteps(of: scenario, under: policy.policy)
                #expect(taken.isSubset(of: possible), "\(label): taken but not possible: \(taken.subtracting(possible))")
                #expect(Set(coverage.neverEnabled) == possible.subtracting(taken), "\(label)")
                #expect(coverage.steps.allSatisfy { $0.transitions > 0 }, "\(label)")
            }
        }
    }

    @Test func aCompleteThatNoStateLetsFailIsNeverEnabled() throws {
        // Nothing changes the buffer, so the verify never fails; with a mutator it does.
        let failing = CoverageReport.Step(kind: .complete, fails: true, actor: "kernel")
        let unchanged = try #require(
            try report(of: model("Models/no-mutator.yaml"), policies: ["dio-verify"]).policies.first?.coverage)
        #expect(unchanged.neverEnabled == [failing])
        #expect(unchanged.row(.complete, fails: false, by: "kernel").map { $0.transitions > 0 } == true)

        let changed = try #require(try report(of: model("Models/dio-checks.yaml"), policies: ["dio-verify"]).policies.first?.coverage)
        #expect(changed.neverEnabled.isEmpty)
        #expect(changed.row(.complete, fails: true, by: "kernel").map { $0.transitions > 0 } == true)
    }

    @Test func aStepTheModelHasNoMechanismForIsNotListed() throws {
        // Without a verify or a device's guard no complete fails; without crashes power is never lost.
        let coverage = try #require(try report(of: model("Models/no-mutator.yaml"), policies: ["dio-csum"]).policies.first?.coverage)
        #expect(coverage.neverEnabled.isEmpty)
        #expect(!coverage.steps.contains { $0.fails == true || $0.kind == .crash })
        #expect(coverage.steps.map(\.step).map { "\($0.kind.rawValue) \($0.actor)" } == [
            "dio-write writer", "fsync writer", "csum kernel", "complete kernel", "dma device",
        ])
    }

    @Test func aMutatorOfThePageCacheIsListedOnlyWhereAFolioCanBeCached() throws {
        var scenario = try model("Models/no-mutator.yaml")
        scenario.actors.append(Scenario.Actor(name: "mmap", role: .mutator(target: .pageCache, budget: 1)))
        let mutate = CoverageReport.Step(kind: .mutate, actor: "mmap")
        // A direct write leaves the page cache empty: there is nothing to change.
        let direct = try #require(try report(of: scenario, policies: ["dio-csum"]).policies.first?.coverage)
        #expect(!direct.neverEnabled.contains(mutate))
        #expect(direct.row(.mutate, by: "mmap") == nil)
        // A write that falls back to buffered caches the folio, which the mutator then changes.
        let buffered = try #require(try report(of: scenario, policies: ["buffered-fallback"]).policies.first?.coverage)
        #expect(buffered.row(.mutate, by: "mmap").map { $0.transitions > 0 } == true)
        #expect(buffered.row(.writeback, by: "flusher") != nil)
    }

    @Test func twoThreadsCountWhatOneCounts() throws {
        let scenario = try model("Models/dio-read-after-race-raid1.yaml")
        let one = try report(of: scenario, policies: ["dio-csum"], workers: 1).policies.first?.coverage
        let two = try report(of: scenario, policies: ["dio-csum"], workers: 2).policies.first?.coverage
        #expect(one != nil)
        #expect(one == two)
    }

    @Test func aCheckWithoutCoverageReportsNone() throws {
        let report = try ExtentChecker(options: CheckOptions(computesTraces: false)).check(model("Models/qemu-cache-none.yaml"))
        #expect(report.policies.allSatisfy { $0.coverage == nil })
    }
}
