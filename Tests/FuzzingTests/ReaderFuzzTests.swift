import Extent
import ExtentCheck
import Fuzzing
import Testing

/// Fuzzing with readers and a scrubber (§9): what the smallest workloads that break a read or a
/// scrub are, and where none does.
@Suite struct ReaderFuzzTests {
    /// One block, at most one writer of one step, one mutator of budget 1 and one reader.
    static let oneReader = WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, mutators: 1, budget: 1, readers: 1)

    /// The direct-read race: a mutator changes the buffer a dio-read lands in before its check.
    static let directReadRace = Workload(
        geometry: Geometry(blocks: 1), writers: [[.fsync]],
        mutators: [Workload.Mutator(target: .readerBuffer(0), budget: 1)], readers: [.directRead(at: 0, blocks: 1)])

    static func policy(_ name: String) -> Policy { Policy.builtIn(named: name)! }

    static func verdict(_ workload: Workload, _ property: ExtentProperty, under policy: String) throws -> Verdict {
        let scenario = workload.scenario(named: "w", policies: [Self.policy(policy)], invariants: [property])
        return try ExtentChecker().check(scenario).policies[0].results[0].verdict
    }

    @Test("under dio-csum, the smallest workload whose read fails is the direct-read race")
    func dioCsumReadFails() throws {
        let report = try Fuzzer(
            policy: Self.policy("dio-csum"), invariants: [.readsSucceed], bounds: Self.oneReader, mode: .exhaustive(limit: 1000)
        ).run()
        let finding = try #require(report.finding)
        #expect(finding.shrunk == Self.directReadRace, "\(finding.shrunk)")
        #expect(finding.shrinkSteps == 0)
        #expect(finding.scenario.actors.map(\.name) == ["writer-1", "mutator-1", "reader-1"])
        #expect(finding.result.trace?.steps.map { String($0.step.prefix { $0 != " " }) } == ["dio-read", "fetch", "mutate", "check", "end"])
    }

    /// The write race shows in a read under dio-csum only: the read of a block whose checksum a
    /// changed buffer broke fails; none of the workload's reductions makes a read fail.
    @Test("the write race makes a later read fail under dio-csum, not under buffered-fallback")
    func writeRaceFailsTheRead() throws {
        let writeRace = Workload(
            geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)], readers: [.read(at: 0, blocks: 1)])
        #expect(try Self.verdict(writeRace, .readsSucceed, under: "dio-csum") == .violated)
        #expect(try Self.verdict(writeRace, .readsSucceed, under: "buffered-fallback") == .holds)
        for candidate in writeRace.shrinkCandidates {
            #expect(try Self.verdict(candidate, .readsSucceed, under: "dio-csum") == .holds, "\(candidate)")
        }
    }

    @Test("under buffered-fallback, only the direct-read race breaks a read: a false alarm and an EIO")
    func bufferedFallbackDirectReadRace() throws {
        let report = try Fuzzer(
            policy: Self.policy("buffered-fallback"), invariants: Self.oneReader.builtInInvariants, bounds: Self.oneReader,
            mode: .exhaustive(limit: 1000), decidesEveryInvariant: true
        ).run()
        #expect(report.findings.map(\.property) == ["reads-succeed", "no-false-alarm"])
        #expect(report.findings.allSatisfy { $0.shrunk == Self.directReadRace })
        #expect(report.workloads == WorkloadSpace(bounds: Self.oneReader).classes().count)
        #expect(report.verdict.contains(
            "csum-matches-data, checksummed, no-deadlock, writes-succeed hold under buffered-fallback for all "
                + "30 scenarios up to renaming (30 workloads as written) with ≤ 1 block, ≤ 1 writer, scripts ≤ 1 step, ≤ 1 mutator, budgets ≤ 1, ≤ 1 reader "
                + "(\(TextReporter.count(report.states, "state")))"), "\(report.verdict)")
    }

    @Test("a scrub misses diverged copies under nodatasum, not under md-raid1")
    func scrubFindsDamage() throws {
        let bounds = WorkloadBounds(blocks: 1, mirrors: 2, writers: 1, scriptSteps: 2, mutators: 1, budget: 1, scrub: true)
        let nodatasum = try Fuzzer(
            policy: Self.policy("nodatasum"), invariants: [.scrubFindsDamage], bounds: bounds, mode: .exhaustive(limit: 1000)
        ).run()
        let finding = try #require(nodatasum.finding)
        #expect(finding.shrunk == Workload(
            geometry: Geometry(blocks: 1, mirrors: 2), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)], scrub: true), "\(finding.shrunk)")
        #expect(finding.scenario.actors.last == .scrubber("scrubber", passes: 1))

        let raid1 = try Fuzzer(
            policy: Self.policy("md-raid1"), invariants: [.scrubFindsDamage], bounds: bounds, mode: .exhaustive(limit: 1000)
        ).run()
        #expect(raid1.finding == nil)
        #expect(raid1.unknownWorkloads == 0)
        #expect(raid1.workloads == WorkloadSpace(bounds: bounds).classes().count)
    }

    @Test("a sampled run with readers shrinks a violation away from its extra readers and scrubber")
    func sampledRunShrinksReaders() throws {
        let bounds = WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 2, budget: 2, readers: 2, scrub: true)
        let report = try Fuzzer(
            policy: Self.policy("buffered-fallback"), invariants: [.noFalseAlarm], bounds: bounds, mode: .sample(runs: 40, seed: 3)
        ).run()
        let finding = try #require(report.finding)
        #expect(finding.shrunk.readers.count == 1 && finding.shrunk.readers[0].isDirect, "\(finding.shrunk)")
        #expect(!finding.shrunk.scrub)
        #expect(finding.shrunk.mutators == [Workload.Mutator(target: .readerBuffer(0), budget: 1)])
    }
}
