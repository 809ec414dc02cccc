import Extent
import ExtentCheck
import Fuzzing
import Testing

/// Fuzzing with crashes (§10): every workload may lose power, and what breaks is found and shrunk as
/// any violation is.
@Suite struct CrashFuzzTests {
    /// One block on two mirrors, one writer of one step, a mutator of budget 1.
    static let bounds = WorkloadBounds(blocks: 1, mirrors: 2, writers: 1, scriptSteps: 1, mutators: 1, budget: 1)

    static func fuzz(_ policy: String, crashes: Int?) throws -> FuzzReport {
        try Fuzzer(
            policy: Policy.builtIn(named: policy)!, invariants: [.mirrorsAgree], bounds: Self.bounds,
            mode: .exhaustive(limit: 1000), options: CheckOptions(crashes: crashes)
        ).run()
    }

    @Test("under nodatasum a crash tears one dio-write's copies, with no mutator; without a crash nothing does")
    func nodatasumTearsWithACrash() throws {
        let report = try Self.fuzz("nodatasum", crashes: 1)
        let finding = try #require(report.finding)
        #expect(finding.shrunk == Workload(geometry: Geometry(blocks: 1, mirrors: 2), writers: [[.directWrite(at: 0, blocks: 1)]]))
        #expect(finding.scenario.crashes == 1)
        #expect(finding.result.trace?.steps.map(\.action.kind) == [.dioWrite, .dma, .crash])
        #expect(report.crashes == 1)
        #expect(report.text.contains("(exhaustive, 1 crash)"))
        // Without a crash, only a mutator changing the buffer between the copies' transfers tears them.
        let uncrashed = try #require(try Self.fuzz("nodatasum", crashes: nil).finding)
        #expect(!uncrashed.shrunk.mutators.isEmpty)
    }

    @Test("md-raid1's resync after a crash leaves no torn copies a mutator did not make")
    func mdRaid1Resyncs() throws {
        let report = try Self.fuzz("md-raid1", crashes: 1)
        let finding = try #require(report.finding)
        #expect(!finding.shrunk.mutators.isEmpty, "\(finding.shrunk)")
        #expect(finding.result.trace?.steps.contains { $0.action.kind == .crash } == false)
    }
}
