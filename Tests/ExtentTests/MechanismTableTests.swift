import Extent
import Testing

/// The expected verdicts of the contract's §8: the mechanisms of other systems' designs, one row per
/// scenario and policy, in `concrete:2` and `concrete:3` alike.
@Suite struct MechanismTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var scenario: @Sendable (DataMode) -> Scenario
        var label: String
        var policy: String
        var csumMatchesData: String
        var mirrorsAgree: String
        var writesSucceed: String
        var testDescription: String { "\(label) \(policy)" }
    }

    static func dio(mirrors: Int, budget: Int) -> Row.Builder {
        Row.Builder(label: "dio m\(mirrors) b\(budget)") { Scenarios.qemuCacheNone(mirrors: mirrors, budget: budget, data: $0) }
    }

    static func mmap(mirrors: Int) -> Row.Builder {
        Row.Builder(label: "mmap m\(mirrors) b1") { Scenarios.mmapDuringWriteback(mirrors: mirrors, data: $0) }
    }

    static let rows: [Row] = [
        dio(mirrors: 1, budget: 1).row("dio-verify", csum: "holds", mirrors: "holds", writes: "violated"),
        dio(mirrors: 1, budget: 2).row("dio-verify", csum: "violated", mirrors: "holds", writes: "violated"),
        dio(mirrors: 2, budget: 2).row("dio-verify", csum: "violated", mirrors: "violated", writes: "violated"),
        dio(mirrors: 1, budget: 2).row("dio-pinned", csum: "holds", mirrors: "holds", writes: "holds"),
        dio(mirrors: 1, budget: 1).row("pi-guard", csum: "holds", mirrors: "holds", writes: "violated"),
        dio(mirrors: 1, budget: 1).row("pi-guard-bounce", csum: "holds", mirrors: "holds", writes: "holds"),
        mmap(mirrors: 1).row("pi-guard-unstable", csum: "holds", mirrors: "holds", writes: "violated"),
        mmap(mirrors: 1).row("bounce-all", csum: "holds", mirrors: "holds", writes: "holds"),
        mmap(mirrors: 2).row("nodatasum-unstable", csum: "holds", mirrors: "violated", writes: "holds"),
        mmap(mirrors: 2).row("dup-fallback", csum: "holds", mirrors: "holds", writes: "holds"),
    ]

    @Test(arguments: rows)
    func verdictsAreTheContracts(row: Row) throws {
        for data in [DataMode.concrete(2), .concrete(3)] {
            let run = try Run(row.scenario(data), Policy.builtIn(named: row.policy)!)
            #expect(run.verdicts["csum-matches-data"] == row.csumMatchesData, "\(data)")
            #expect(run.verdicts["mirrors-agree"] == row.mirrorsAgree, "\(data)")
            #expect(run.verdicts["writes-succeed"] == row.writesSucceed, "\(data)")
            #expect(run.verdicts["no-deadlock"] == "holds", "\(data)")
        }
    }

    @Test func everyDefaultOfTheNewColumnsLeavesThePolicyAsItWas() {
        for policy in Policy.builtIn.prefix(8) {
            #expect(policy.verify == .none && policy.deviceCheck == .none, "\(policy.name)")
            #expect(policy.userPages == .writable && policy.writebackSource == .folio, "\(policy.name)")
        }
    }
}

extension MechanismTableTests.Row {
    /// A scenario of the table, waiting for its policy and verdicts.
    struct Builder {
        var label: String
        var scenario: @Sendable (DataMode) -> Scenario

        func row(_ policy: String, csum: String, mirrors: String, writes: String) -> MechanismTableTests.Row {
            .init(scenario: scenario, label: label, policy: policy, csumMatchesData: csum, mirrorsAgree: mirrors, writesSucceed: writes)
        }
    }
}
