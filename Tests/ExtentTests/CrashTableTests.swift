@_spi(Search) import Explorer
@_spi(Search) @testable import Extent
import Testing

/// The expected verdicts of the contract's §10: power lost at any step of one `dio-write` and its
/// `fsync` on two mirrors, in symbolic data, `concrete:2` and `concrete:3` alike.
@Suite struct CrashTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var policy: String
        var mirrorsAgree: String
        var csumMatchesData: String
        /// With a scrubber that may run after the crash.
        var scrubFindsDamage: String
        var testDescription: String { policy }
    }

    static let rows = [
        Row(policy: "dio-csum", mirrorsAgree: "holds", csumMatchesData: "holds", scrubFindsDamage: "holds"),
        Row(policy: "buffered-fallback", mirrorsAgree: "holds", csumMatchesData: "holds", scrubFindsDamage: "holds"),
        Row(policy: "nodatasum", mirrorsAgree: "violated", csumMatchesData: "holds", scrubFindsDamage: "violated"),
        Row(policy: "dup-fallback", mirrorsAgree: "violated", csumMatchesData: "holds", scrubFindsDamage: "violated"),
        Row(policy: "md-raid1", mirrorsAgree: "holds", csumMatchesData: "holds", scrubFindsDamage: "holds"),
    ]

    @Test(arguments: rows)
    func verdictsAreTheContracts(row: Row) throws {
        let policy = try #require(Policy.builtIn(named: row.policy))
        for data in [DataMode.symbolic, .concrete(2), .concrete(3)] {
            let write = try Run(Scenarios.crashDuringTheWrite(data: data), policy)
            #expect(write.verdicts["mirrors-agree"] == row.mirrorsAgree, "\(data)")
            #expect(write.verdicts["csum-matches-data"] == row.csumMatchesData, "\(data)")
            #expect(write.verdicts["no-deadlock"] == "holds", "\(data)")
            let scrubbed = try Run(Scenarios.crashDuringTheWrite(data: data, scrubs: true), policy)
            #expect(scrubbed.verdicts["scrub-finds-damage"] == row.scrubFindsDamage, "\(data)")
            #expect(scrubbed.verdicts["mirrors-agree"] == row.mirrorsAgree, "\(data)")
            #expect(scrubbed.verdicts["no-deadlock"] == "holds", "\(data)")
        }
    }

    @Test func theColumnsOfTheBuiltInRowsAreTheContracts() {
        let inPlace: Set = ["nodatasum", "dup-fallback", "nodatasum-unstable", "md-raid1"]
        for policy in Policy.builtIn {
            #expect((policy.overwrite == .inPlace) == inPlace.contains(policy.name), "\(policy.name)")
            #expect((policy.crashRecovery == .resync) == (policy.name == "md-raid1"), "\(policy.name)")
        }
    }

    /// The counterexample to `mirrors-agree` under `nodatasum` is the contract's: the crash comes after
    /// one copy's transfer, with no mutator.
    @Test func aCrashAfterOneCopysTransferTearsTheCopies() throws {
        let run = try Run(Scenarios.crashDuringTheWrite(data: .symbolic), Policy.builtIn(named: "nodatasum")!)
        let path = try #require(run.path(violating: .mirrorsAgree))
        #expect(path.actions == [.writerStep(writer: 0, step: 0), .transfer(.writer(0), mirror: 0, index: 0), .crash])
    }

    /// A crash still possible hides no deadlock, and a writer a crash stopped has finished (§10).
    @Test func aCrashNeitherHidesNorMakesADeadlock() throws {
        let model = try ExtentModel(scenario: Scenarios.crashDuringTheWrite(data: .concrete(2)), policy: Policy.builtIn(named: "dio-csum")!)
        let start = model.initialStates()[0]
        #expect(model.isDeadlocked(start, successors: 1), "only the crash enabled, the writer not finished")
        #expect(!model.isDeadlocked(start, successors: 2))
        let crashed = model.apply(.crash, to: start, fresh: 0)
        #expect(model.isFinished(crashed))
        #expect(!model.isDeadlocked(crashed, successors: 0))
    }

    /// The divergence an mmap writer leaves on a NODATASUM RAID1 file survives a crash that comes when
    /// no write is in flight, before the next writeback could store both copies equal: a crash that
    /// tears nothing still leaves the copies apart under `nodatasum-unstable`, never under
    /// `dup-fallback`, whose folios stay stable under writeback.
    @Test(arguments: [("nodatasum-unstable", "violated"), ("dup-fallback", "holds")])
    func anMmapDivergenceSurvivesACrash(policy: String, verdict: String) throws {
        let keptApart = ExtentProperty.onEveryTransition(
            "crash-keeps-copies-apart", meaning: "a crash with no write in flight leaves the copies apart"
        ) { before, step in
            guard step.kind == .crash, before.bios.isEmpty else { return [] }
            let after = step.after
            return try after.stored.map { block in
                Finding(when: try block.mirror(0) != block.mirror(1), "\(step) left stored block \(block.index)'s copies apart")
            }
        }
        for data in [DataMode.symbolic, .concrete(2)] {
            var scenario = Scenarios.mmapDuringWriteback(mirrors: 2, data: data)
            scenario.crashes = 1
            let run = try Run(scenario, Policy.builtIn(named: policy)!, invariants: [keptApart])
            #expect(run.verdicts[keptApart.name] == verdict, "\(data)")
            guard verdict == "violated", let path = run.path(violating: keptApart) else { continue }
            // The mmap write lands between the copies' transfers; the writeback completes; power is lost.
            #expect(path.actions.last == .crash)
            #expect(path.actions.contains { if case .mutate(_, .folio, _) = $0 { true } else { false } })
            #expect(path.actions.contains(.complete(.writeback(0))))
        }
    }
}
