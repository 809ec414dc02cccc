@_spi(Search) import Explorer
@_spi(Search) import Extent
import Testing

/// What a device guard guarantees without a search (`Policy.guarantees(_:in:)`) must be what the
/// symbolic search finds, on the write side of every model in `Models/`, under every built-in policy.
@Suite struct PolicyGuaranteeTests {
    static let models = (try? ModelFiles.all()) ?? []
    static let dataInvariants: [ExtentProperty] = [.csumMatchesData, .mirrorsAgree]

    /// `scenario` with its writers and mutators alone, no crash, deciding `invariants`.
    static func writeSide(of scenario: Scenario, mirrors: Int? = nil) -> Scenario {
        var variant = scenario
        variant.actors.removeAll(where: \.readsBack)
        variant.crashes = 0
        variant.invariants = dataInvariants
        if let mirrors { variant.geometry.mirrors = mirrors }
        return variant
    }

    @Test("what the guard guarantees, the symbolic search finds to hold", arguments: models.map(\.name))
    func guaranteesHold(model name: String) throws {
        let model = try #require(Self.models.first { $0.name == name }?.scenario)
        for mirrors in [1, 2] {
            let scenario = Self.writeSide(of: model, mirrors: mirrors)
            for policy in Policy.builtIn {
                let guaranteed = Self.dataInvariants.filter { policy.guarantees($0, in: scenario) }
                guard !guaranteed.isEmpty else { continue }
                let verdicts = try Run(scenario, policy, invariants: guaranteed).verdicts
                for property in guaranteed {
                    #expect(verdicts[property.name] == "holds", "\(policy.name), \(mirrors) mirrors: \(property.name)")
                }
            }
        }
    }

    @Test("the guard is what makes them hold: without it, the same models violate both")
    func withoutTheGuardTheyFail() throws {
        var unguarded = Policy.builtIn(named: "pi-guard-unstable")!
        unguarded.deviceCheck = .none
        var violated: Set<String> = []
        for model in Self.models {
            let scenario = Self.writeSide(of: model.scenario, mirrors: 2)
            var guarded = scenario
            guarded.policies = [Policy.builtIn(named: "pi-guard-unstable")!]
            guard Self.dataInvariants.allSatisfy({ guarded.policies[0].guarantees($0, in: scenario) }) else { continue }
            let verdicts = try Run(scenario, unguarded).verdicts
            violated.formUnion(verdicts.filter { $0.value == "violated" }.keys)
        }
        #expect(violated == Set(Self.dataInvariants.map(\.name)))
    }

    @Test("equal guards make mirrors agree only where equal checksums mean equal words")
    func mirrorsAgreeNeedsAOneToOneChecksum() throws {
        let model = try #require(Self.models.first { $0.name == "mmap-during-writeback.yaml" }?.scenario)
        let policy = Policy.builtIn(named: "pi-guard-unstable")!
        var scenario = Self.writeSide(of: model, mirrors: 2)
        #expect(policy.guarantees(.mirrorsAgree, in: scenario))
        #expect(try Run(scenario, policy).verdicts[ExtentProperty.mirrorsAgree.name] == "holds")
        // An uninterpreted H may give the two mirrors' different words one checksum.
        scenario.checksum = .uninterpreted
        #expect(!policy.guarantees(.mirrorsAgree, in: scenario) && policy.guarantees(.csumMatchesData, in: scenario))
        #expect(try Run(scenario, policy).verdicts[ExtentProperty.mirrorsAgree.name] == "violated")
        // A scenario that reads back, or may crash, is no longer the write alone.
        var crashing = Self.writeSide(of: model, mirrors: 2)
        crashing.crashes = 1
        #expect(!policy.guarantees(.csumMatchesData, in: crashing))
    }

    @Test("a property stated in Swift under a built-in's name is guaranteed nothing")
    func propertiesStatedInSwiftAreNotGuaranteed() throws {
        let model = try #require(Self.models.first { $0.name == "mmap-during-writeback.yaml" }?.scenario)
        let policy = Policy.builtIn(named: "pi-guard-unstable")!
        let scenario = Self.writeSide(of: model, mirrors: 2)
        let impostor = ExtentProperty.always(ExtentProperty.csumMatchesData.name, meaning: "never holds") { _ in [Finding("broken")] }
        #expect(policy.guarantees(.csumMatchesData, in: scenario))
        #expect(!policy.guarantees(impostor, in: scenario))
    }
}
