import Extent
import ExtentCheck
import Fuzzing
import Testing

@Suite struct FuzzerTests {
    /// The seed's race: one block, one writer's dio-write, one change of its buffer in flight.
    static let seedRace = Workload(
        geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]],
        mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])

    /// Bounds large enough that a sample's first violation is rarely the smallest one.
    static let wide = WorkloadBounds(blocks: 3, writers: 3, scriptSteps: 3, mutators: 2, budget: 2)

    static func policy(_ name: String) -> Policy { Policy.builtIn(named: name)! }

    /// The first word of every step of a trace: `dio-write`, `csum`, `mutate`, …
    static func stepKinds(_ finding: FuzzReport.Finding?) -> [String] {
        finding?.result.trace?.steps.map { String($0.step.prefix { $0 != " " }) } ?? []
    }

    @Test("dio-csum shrinks to the seed's race and its 5-step trace, whatever the seed", arguments: [2, 3, 4] as [UInt64])
    func dioCsumShrinksToTheSeedRace(seed: UInt64) throws {
        let fuzzer = Fuzzer(
            policy: Self.policy("dio-csum"), invariants: [.csumMatchesData], bounds: Self.wide,
            mode: .sample(runs: 6, seed: seed))
        let finding = try #require(try fuzzer.run().finding)
        #expect(finding.property == "csum-matches-data")
        #expect(finding.shrunk == Self.seedRace, "found \(finding.original)")
        #expect(Self.stepKinds(finding) == ["dio-write", "csum", "mutate", "dma", "complete"])
        #expect(finding.scenario.expectations == ["dio-csum": ["csum-matches-data": .violated]])
    }

    @Test("a larger first violation shrinks in several steps to the seed's race")
    func shrinkingTakesSeveralSteps() throws {
        let fuzzer = Fuzzer(
            policy: Self.policy("dio-csum"), invariants: [.csumMatchesData], bounds: Self.wide,
            mode: .sample(runs: 6, seed: 4))
        let report = try fuzzer.run()
        let finding = try #require(report.finding)
        #expect(finding.original != finding.shrunk)
        #expect(report.shrinkSteps > 1)
        #expect(finding.shrunk == Self.seedRace)
    }

    @Test("without mutators, unstable-pages breaks with two overlapping buffered writers (§7.13)")
    func unstablePagesBreaksWithoutAMutator() throws {
        let fuzzer = Fuzzer(
            policy: Self.policy("unstable-pages"), invariants: [.csumMatchesData],
            bounds: WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 0), mode: .sample(runs: 200, seed: 1))
        let finding = try #require(try fuzzer.run().finding)
        let shrunk = finding.shrunk
        #expect(shrunk.mutators.isEmpty)
        #expect(shrunk.geometry.blocks == 1)
        #expect(shrunk.writers.count == 2)
        let writes = shrunk.writers.map { script in script.compactMap(\.range) }
        #expect(writes.allSatisfy { $0.count == 1 && $0[0] == (at: 0, blocks: 1) }, "\(shrunk)")
    }

    @Test("buffered-fallback holds for every workload within small bounds, all counted")
    func bufferedFallbackHoldsExhaustively() throws {
        let bounds = WorkloadBounds(blocks: 1, writers: 2, scriptSteps: 2, mutators: 1, budget: 2)
        let report = try Fuzzer(policy: Self.policy("buffered-fallback"), bounds: bounds, mode: .exhaustive(limit: 10_000)).run()
        #expect(report.finding == nil)
        #expect(report.unknownWorkloads == 0)
        // Once per class of renamed workloads, standing for every workload as written.
        let classes = WorkloadSpace(bounds: bounds).classes()
        #expect(report.workloads == classes.count)
        #expect(report.standsFor == classes.map(\.orderings).reduce(0, +))
        #expect(report.verdict.contains(
            "hold under buffered-fallback for all \(report.workloads) scenarios up to renaming (\(TextReporter.count(report.standsFor ?? 0, "workload")) as written)"))
        #expect(report.verdict.hasSuffix("mirrors-agree not reachable within these bounds: one mirror; --max-mirrors 2 allows a second"))
        // Unreduced, every workload listed is checked.
        var unreduced = Fuzzer(policy: Self.policy("buffered-fallback"), bounds: bounds, mode: .exhaustive(limit: 10_000))
        unreduced.reduces = false
        let all = try unreduced.run()
        #expect(Double(all.workloads) == WorkloadSpace(bounds: bounds).count)
        #expect(all.standsFor == nil && all.finding == nil && all.states > report.states)
    }

    @Test("exhaustively, dio-verify's first checksum mismatch is §8's undone change (budget 2)")
    func dioVerifyUndoneChange() throws {
        let bounds = WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 2)
        let report = try Fuzzer(
            policy: Self.policy("dio-verify"), invariants: [.csumMatchesData], bounds: bounds,
            mode: .exhaustive(limit: 100_000)
        ).run()
        let finding = try #require(report.finding)
        #expect(finding.shrunk == Workload(
            geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 2)]))
        #expect(Self.stepKinds(finding) == ["dio-write", "csum", "mutate", "dma", "mutate", "complete"])
    }

    @Test("a sampled run that finds nothing says so, never holds")
    func sampledRunsNeverSayHolds() throws {
        let report = try Fuzzer(policy: Self.policy("buffered-fallback"), mode: .sample(runs: 20, seed: 5)).run()
        #expect(report.finding == nil)
        #expect(report.verdict.hasPrefix("no violation of csum-matches-data, checksummed, no-deadlock, writes-succeed under buffered-fallback in 20 scenarios"))
        #expect(report.verdict.contains("mirrors-agree not reachable within these bounds"))
    }

    @Test("the same seed gives the same workloads, verdicts and shrunk result")
    func sameSeedSameRun() throws {
        let fuzzer = Fuzzer(
            policy: Self.policy("unstable-pages"), bounds: Self.wide, mode: .sample(runs: 30, seed: 11))
        let first = try fuzzer.run()
        let second = try fuzzer.run()
        #expect(first.workloads == second.workloads)
        #expect(first.states == second.states)
        #expect(first.finding?.original == second.finding?.original)
        #expect(first.finding?.shrunk == second.finding?.shrunk)
        #expect(first.finding?.result == second.finding?.result)
    }

    @Test("deciding every invariant: nodatasum's smallest violations of each, and what holds for all")
    func eachInvariant() throws {
        let bounds = WorkloadBounds(blocks: 1, mirrors: 2, writers: 1, scriptSteps: 2, mutators: 1, budget: 1)
        let report = try Fuzzer(
            policy: Self.policy("nodatasum"), bounds: bounds, mode: .exhaustive(limit: 10_000), decidesEveryInvariant: true
        ).run()
        #expect(report.findings.map(\.property) == ["mirrors-agree", "checksummed"])
        let unchecksummed = try #require(report.findings.last)
        #expect(unchecksummed.shrunk == Workload(geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]]))
        let diverged = try #require(report.findings.first)
        #expect(diverged.shrunk.geometry.mirrors == 2)
        #expect(diverged.shrunk.mutators == [Workload.Mutator(target: .writerBuffer(0), budget: 1)])
        #expect(report.verdict.hasSuffix(
            "csum-matches-data, no-deadlock, writes-succeed hold under nodatasum for all \(report.workloads) scenarios "
                + "up to renaming (\(TextReporter.count(report.standsFor ?? 0, "workload")) as written) with ≤ 1 block, ≤ 2 mirrors, ≤ 1 writer, scripts ≤ 2 steps, ≤ 1 mutator, budgets ≤ 1 "
                + "(\(TextReporter.count(report.states, "state")))"), "\(report.verdict)")
        #expect(report.workloads == WorkloadSpace(bounds: bounds).classes().count)
    }

    @Test("the report does not depend on how many workloads are checked at once")
    func workersDoNotChangeTheReport() throws {
        func run(workers: Int, _ mode: Fuzzer.Mode, each: Bool) throws -> String {
            let report = try Fuzzer(
                policy: Self.policy("unstable-pages"), bounds: WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2),
                mode: mode, options: CheckOptions(workers: workers),
                decidesEveryInvariant: each
            ).run()
            return "\(report.workloads) \(report.states) \(report.shrinkCandidates) \(report.shrinkSteps) "
                + report.findings.map { "\($0.property) \($0.workload) \($0.original) \($0.shrunk)" }.joined(separator: "; ")
        }
        for (mode, each) in [(Fuzzer.Mode.sample(runs: 30, seed: 2), false), (.sample(runs: 30, seed: 2), true)] {
            let one = try run(workers: 1, mode, each: each)
            #expect(try run(workers: 2, mode, each: each) == one)
            #expect(try run(workers: 3, mode, each: each) == one)
        }
    }

    @Test("bounds out of range are refused before anything is checked")
    func badBounds() {
        #expect(throws: FuzzError.bounds("--max-blocks must be 1 through 16, found 0")) {
            try Fuzzer(policy: Self.policy("dio-csum"), bounds: WorkloadBounds(blocks: 0)).run()
        }
        #expect(throws: FuzzError.self) {
            try Fuzzer(
                policy: Self.policy("dio-csum"), bounds: WorkloadBounds(blocks: 4, writers: 4, scriptSteps: 4),
                mode: .exhaustive(limit: 1000)
            ).run()
        }
    }
}
