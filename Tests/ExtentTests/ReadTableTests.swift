import Extent
import Testing

/// The expected verdicts of the contract's §9: reads, repair and scrub after the write, one row per
/// scenario and policy, in symbolic data, `concrete:2` and `concrete:3` alike.
@Suite struct ReadTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var scenario: @Sendable (DataMode) -> Scenario
        var label: String
        var policy: Policy
        /// The verdicts the row gives, by invariant; an invariant the row leaves out is not listed.
        var verdicts: [String: String]
        var testDescription: String { "\(label) \(policy.name)" }
    }

    static func row(_ label: String, _ policy: Policy, _ verdicts: [String: String], scenario: @escaping @Sendable (DataMode) -> Scenario) -> Row {
        Row(scenario: scenario, label: label, policy: policy, verdicts: verdicts)
    }

    static func builtIn(_ name: String) -> Policy { Policy.builtIn(named: name)! }

    /// `dio+read`: the writer `dio-write`s its buffer and `fsync`s while a mutator changes it; a reader
    /// `read`s block 0 once.
    static func dioRead(mirrors: Int, _ policy: String, reads: String, csum: String) -> Row {
        row("dio+read m\(mirrors)", builtIn(policy), ["reads-succeed": reads, "no-false-alarm": "holds", "csum-matches-data": csum]) {
            Scenarios.afterTheWrite(mirrors: mirrors, data: $0, reader: [.read(at: 0, blocks: 1)])
        }
    }

    /// `dio+scrub`: the same writer and mutator, and a scrubber of one pass.
    static func dioScrub(_ policy: String, scrub: String, csum: String) -> Row {
        row("dio+scrub m2", builtIn(policy), ["no-false-alarm": "holds", "scrub-finds-damage": scrub, "csum-matches-data": csum]) {
            Scenarios.afterTheWrite(mirrors: 2, data: $0, scrubs: true)
        }
    }

    /// `direct-read`: no writer; a reader `dio-read`s block 0 into its buffer while a mutator of that
    /// buffer changes it.
    static func directRead(mirrors: Int, budget: Int, _ policy: Policy, reads: String, alarm: String, csum: String) -> Row {
        row(
            "direct-read m\(mirrors) b\(budget)", policy,
            ["reads-succeed": reads, "no-false-alarm": alarm, "csum-matches-data": csum]
        ) { Scenarios.directRead(mirrors: mirrors, budget: budget, data: $0) }
    }

    static var bounced: Policy {
        var policy = builtIn("dio-csum")
        policy.name = "dio-csum-bounced-reads"
        policy.directRead = .bounce
        return policy
    }

    static let rows: [Row] = [
        dioRead(mirrors: 1, "dio-csum", reads: "violated", csum: "violated"),
        dioRead(mirrors: 1, "buffered-fallback", reads: "holds", csum: "holds"),
        dioRead(mirrors: 2, "dio-csum", reads: "violated", csum: "violated"),
        dioRead(mirrors: 2, "nodatasum", reads: "holds", csum: "holds"),
        dioScrub("nodatasum", scrub: "violated", csum: "holds"),
        dioScrub("md-raid1", scrub: "holds", csum: "holds"),
        dioScrub("dio-csum", scrub: "holds", csum: "violated"),
        directRead(mirrors: 1, budget: 1, builtIn("dio-csum"), reads: "violated", alarm: "violated", csum: "holds"),
        directRead(mirrors: 2, budget: 1, builtIn("dio-csum"), reads: "holds", alarm: "violated", csum: "holds"),
        directRead(mirrors: 2, budget: 2, builtIn("dio-csum"), reads: "violated", alarm: "violated", csum: "violated"),
        directRead(mirrors: 1, budget: 1, builtIn("dio-verify"), reads: "holds", alarm: "violated", csum: "holds"),
        directRead(mirrors: 1, budget: 1, bounced, reads: "holds", alarm: "holds", csum: "holds"),
    ]

    @Test(arguments: rows)
    func verdictsAreTheContracts(row: Row) throws {
        for data in [DataMode.symbolic, .concrete(2), .concrete(3)] {
            let run = try Run(row.scenario(data), row.policy)
            for (invariant, verdict) in row.verdicts.sorted(by: { $0.key < $1.key }) {
                #expect(run.verdicts[invariant] == verdict, "\(invariant) in \(data)")
            }
            #expect(run.verdicts["no-deadlock"] == "holds", "\(data)")
        }
    }

    @Test func theNewColumnsDefaultToBtrfsAndTheOpenZFSRowsRereadWithoutRepair() {
        for policy in Policy.builtIn {
            let openZFS = ["dio-verify", "dio-pinned"].contains(policy.name)
            #expect(policy.directRead == .userPages, "\(policy.name)")
            #expect(policy.readFailure == (openZFS ? .rereadStable : .nextMirror), "\(policy.name)")
            #expect(policy.readRepair == (openZFS ? .no : .yes), "\(policy.name)")
            #expect(policy.scrub == (policy.name == "md-raid1" ? .compareCopies : .checksums), "\(policy.name)")
        }
    }
}
