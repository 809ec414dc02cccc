@_spi(Search) import Explorer
@_spi(Search) @testable import Extent
import Testing

/// The expected verdicts of the contract's §6, one row per scenario and policy.
@Suite struct ContractTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var scenario: Scenario
        var policy: String
        var csumMatchesData: String
        var checksummed: String
        var mirrorsAgree: String
        var testDescription: String { "\(scenario.name) m\(scenario.geometry.mirrors) \(policy)" }
    }

    static let qemu = Scenarios.qemuCacheNone()
    static let mirrored = Scenarios.qemuCacheNone(mirrors: 2)
    static let quiet = Scenarios.qemuCacheNone(mirrors: 2, budget: 0)
    static let mmap = Scenarios.mmapDuringWriteback()

    static let rows: [Row] =
        [
            Row(scenario: qemu, policy: "dio-csum", csumMatchesData: "violated", checksummed: "holds", mirrorsAgree: "holds"),
            Row(scenario: qemu, policy: "buffered-fallback", csumMatchesData: "holds", checksummed: "holds", mirrorsAgree: "holds"),
            Row(scenario: qemu, policy: "dio-bounce", csumMatchesData: "holds", checksummed: "holds", mirrorsAgree: "holds"),
            Row(scenario: mmap, policy: "buffered-fallback", csumMatchesData: "holds", checksummed: "holds", mirrorsAgree: "holds"),
            Row(scenario: mmap, policy: "unstable-pages", csumMatchesData: "violated", checksummed: "holds", mirrorsAgree: "holds"),
            Row(scenario: mirrored, policy: "nodatasum", csumMatchesData: "holds", checksummed: "violated", mirrorsAgree: "violated"),
            Row(scenario: mirrored, policy: "dup-fallback", csumMatchesData: "holds", checksummed: "violated", mirrorsAgree: "holds"),
            Row(scenario: mirrored, policy: "dio-csum", csumMatchesData: "violated", checksummed: "holds", mirrorsAgree: "violated"),
        ]
        + ["nodatasum", "dio-skip-csum", "nodatasum-mount"].map {
            Row(scenario: qemu, policy: $0, csumMatchesData: "holds", checksummed: "violated", mirrorsAgree: "holds")
        }
        + Policy.builtIn.map { policy in
            // "As its checksum column": the column of the path the write takes.
            let path = ExtentModel.directIOPath(of: policy, mirrors: quiet.geometry.mirrors)
            let summed = path == .buffered ? policy.bufferedChecksum : policy.directIOChecksum
            return Row(
                scenario: quiet, policy: policy.name, csumMatchesData: "holds",
                checksummed: summed ? "holds" : "violated", mirrorsAgree: "holds")
        }

    @Test(arguments: rows)
    func verdictsAreTheContracts(row: Row) throws {
        for checksum in ChecksumKind.allCases {
            var scenario = row.scenario
            scenario.checksum = checksum
            let run = try Run(scenario, Policy.builtIn(named: row.policy)!)
            #expect(run.verdicts["csum-matches-data"] == row.csumMatchesData, "\(checksum)")
            #expect(run.verdicts["checksummed"] == row.checksummed, "\(checksum)")
            #expect(run.verdicts["mirrors-agree"] == row.mirrorsAgree, "\(checksum)")
            #expect(run.verdicts["no-deadlock"] == "holds", "\(checksum)")
        }
    }

    @Test func theShortestDioCsumCounterexampleHasTheContractsFiveSteps() throws {
        let run = try Run(Self.qemu, Policy.builtIn(named: "dio-csum")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let kinds = path.actions.map { action in
            switch action {
            case .writerStep: "dio-write"
            case .checksum: "csum"
            case .mutate: "mutate"
            case .transfer: "dma"
            case .complete, .failedCompletion: "complete"
            case .writeback: "writeback"
            case .read, .fetch, .check, .repair, .endRead, .scrub: "read"
            case .crash: "crash"
            }
        }
        #expect(kinds == ["dio-write", "csum", "mutate", "dma", "complete"])
    }
}
