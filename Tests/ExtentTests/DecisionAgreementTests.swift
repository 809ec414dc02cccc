@_spi(Search) import Explorer
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
                // A check's outcomes (a checked `complete`'s, a read's, a scrub's) are decided per shape
                // too: a few more questions.
                let reads = scenario.actors.contains(where: \.readsBack)
                #expect(shortcut.statistics.calls <= (reads ? 16 : policy.checksCompletions ? 12 : 4), "\(policy.name)")
            }
        }
    }

    /// Symbolic data, `concrete:2` and `concrete:3` give every model the same verdicts, path conditions
    /// included (§8: where a check's outcome depends on the words).
    @Test(arguments: models.map(\.name))
    func everyDataModeGivesTheSameVerdicts(model name: String) throws {
        let scenario = try #require(Self.models.first { $0.name == name }?.scenario)
        for policy in scenario.policies {
            var runs: [(data: DataMode, run: Run)] = []
            for data in [DataMode.symbolic, .concrete(2), .concrete(3)] {
                var variant = scenario
                variant.data = data
                runs.append((data, try Run(variant, policy)))
            }
            for (data, run) in runs.dropFirst() {
                #expect(run.verdicts == runs[0].run.verdicts, "\(policy.name): \(data) against \(runs[0].data)")
            }
            // Renaming folds states that differ only by names, and more values make more states.
            let states = runs.map(\.run.outcome.statistics.states)
            #expect(states == states.sorted(), "\(policy.name): \(states)")
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
