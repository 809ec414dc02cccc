import Extent
import Testing

/// Every faster way of deciding must agree with the slow one, on every model in `Models/`.
@Suite struct DecisionAgreementTests {
    static let models = (try? ModelFiles.all()) ?? []

    @Test func thereAreModelsToCheck() {
        #expect(Self.models.count >= 5)
    }

    @Test(arguments: models.map(\.name))
    func syntacticShortcutsAgreeWithZ3(model name: String) throws {
        let scenario = try #require(Self.models.first { $0.name == name }?.scenario)
        for policy in scenario.policies {
            let fast = try Run(scenario, policy)
            let slow = try Run(scenario, policy, usesShortcuts: false)
            #expect(fast.verdicts == slow.verdicts, "\(policy.name)")
            #expect(fast.outcome.statistics.states == slow.outcome.statistics.states, "\(policy.name)")
            #expect(fast.outcome.statistics.transitions == slow.outcome.statistics.transitions, "\(policy.name)")
            // Without shortcuts Z3 decides every comparison of every state; with them, at most a few.
            let compares =
                (scenario.invariants.contains(.csumMatchesData) && policy.checksumsAnything)
                || (scenario.invariants.contains(.mirrorsAgree) && scenario.geometry.mirrors > 1)
            if compares, let oracle = slow.oracle, let shortcut = fast.oracle {
                #expect(oracle.statistics.calls > shortcut.statistics.calls, "\(policy.name)")
                #expect(oracle.statistics.identical == 0 && oracle.statistics.cacheHits == 0, "\(policy.name)")
                #expect(shortcut.statistics.calls <= 4, "\(policy.name)")
            }
        }
    }

    @Test(arguments: models.map(\.name))
    func concreteDataGivesTheSymbolicVerdicts(model name: String) throws {
        let symbolic = try #require(Self.models.first { $0.name == name }?.scenario)
        var concrete = symbolic
        concrete.data = .concrete(2)
        for policy in symbolic.policies {
            let symbolicRun = try Run(symbolic, policy)
            let concreteRun = try Run(concrete, policy)
            #expect(symbolicRun.verdicts == concreteRun.verdicts, "\(policy.name)")
            // Renaming folds states that differ only by names: never more symbolic states than concrete ones.
            #expect(symbolicRun.outcome.statistics.states <= concreteRun.outcome.statistics.states, "\(policy.name)")
        }
    }

    @Test(arguments: models.map(\.name))
    func exactStorageCountsWhatFingerprintsCount(model name: String) throws {
        let scenario = try #require(Self.models.first { $0.name == name }?.scenario)
        for policy in scenario.policies {
            let fingerprints = try Run(scenario, policy)
            let exact = try Run(scenario, policy, storage: .exact)
            #expect(fingerprints.outcome.statistics.states == exact.outcome.statistics.states, "\(policy.name)")
            #expect(fingerprints.outcome.statistics.transitions == exact.outcome.statistics.transitions, "\(policy.name)")
            #expect(fingerprints.verdicts == exact.verdicts, "\(policy.name)")
        }
    }
}
