import Extent
import ExtentCheck
import Foundation
import Fuzzing
import Testing

/// The policy × invariant table: the same with and without reductions, the same from shards merged
/// as from one process, the same resumed from a journal as run through.
@Suite struct FuzzTableTests {
    static let bounds = WorkloadBounds(blocks: 1, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 1)

    static func fuzzer(_ bounds: WorkloadBounds = bounds, reduces: Bool = true, shard: SwarmMember? = nil) -> Fuzzer {
        var fuzzer = Fuzzer(policies: Policy.builtIn, invariants: bounds.builtInInvariants, bounds: bounds)
        fuzzer.reduces = reduces
        fuzzer.shard = shard
        return fuzzer
    }

    /// Every cell of `table`, row by row.
    static func cells(_ table: FuzzTable) -> [[FuzzCell?]] {
        table.reports.map { report in report.invariants.map { table.cell(policy: report.policy, invariant: $0) } }
    }

    /// Every finding as policy, invariant, the workload found and the workload shrunk.
    static func findings(_ table: FuzzTable) -> [String] {
        table.reports.flatMap { report in report.findings.map { "\(report.policy) \($0.property): \($0.original) → \($0.shrunk)" } }
    }

    @Test("every built-in policy's cells and shrunk workloads are the same with and without reductions")
    func reductionsKeepTheTable() throws {
        let reduced = try Self.fuzzer().runTable()
        let unreduced = try Self.fuzzer(reduces: false).runTable()
        #expect(Self.cells(reduced) == Self.cells(unreduced))
        #expect(Self.findings(reduced) == Self.findings(unreduced))
        // Less work: fewer workloads (renamed ones once), fewer searches (shared), fewer states.
        #expect(reduced.workloads < unreduced.workloads)
        #expect(reduced.explorations < unreduced.explorations)
        #expect(reduced.states < unreduced.states)
        #expect(reduced.isFinished && unreduced.isFinished)
        // Every cell decided: violated, or holds.
        #expect(Self.cells(reduced).joined().allSatisfy { $0 != .open && $0 != .noViolation && $0 != nil })
    }

    @Test("three shards merged are the table of one process")
    func shardsMergeIntoOneTable() throws {
        let whole = try Self.fuzzer().runTable()
        let shards = try (1...3).map { try Self.fuzzer(shard: SwarmMember(index: $0, count: 3)!).runTable() }
        #expect(shards.map(\.workloads).reduce(0, +) == whole.workloads)
        let merged = try #require(FuzzTable.merged(shards))
        #expect(Self.cells(merged) == Self.cells(whole))
        #expect(Self.findings(merged) == Self.findings(whole))
        #expect(merged.reports.map { $0.findings.map(\.workload) } == whole.reports.map { $0.findings.map(\.workload) })
        // Shards of another run do not merge with these.
        let other = try Self.fuzzer(WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1)).runTable()
        #expect(FuzzTable.merged(shards + [other]) == nil)
    }

    @Test("a run stopped early keeps its violations in the journal, and resumed gives the table run through")
    func journalResumes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID()).ndjson").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try Self.fuzzer().runTable()

        var stopped = Self.fuzzer()
        let cancellation = SearchCancellation()
        stopped.options.search.cancellation = cancellation
        let first = try stopped.runTable(journal: FuzzJournal(path: path, resumes: false)) { event in
            if case .checked(let workloads, _, _) = event, workloads == whole.workloads / 2 { cancellation.cancel() }
        }
        #expect(!first.isFinished)
        #expect(first.checked < whole.workloads)
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.split(separator: "\n").count >= 2 + first.reports.map(\.findings.count).reduce(0, +))

        // Starting again over the journal is refused; resuming goes on.
        #expect(throws: FuzzError.self) { try Self.fuzzer().runTable(journal: FuzzJournal(path: path, resumes: false)) }
        let resumed = try Self.fuzzer().runTable(journal: FuzzJournal(path: path, resumes: true))
        #expect(resumed.isFinished)
        #expect(Self.cells(resumed) == Self.cells(whole))
        #expect(Self.findings(resumed) == Self.findings(whole))
        #expect(resumed.checked == whole.checked)
        // A stop at any moment, in the middle of searches or of shrinking: what they decided is not
        // kept, and the resumed run still gives the table run through.
        let few = Fuzzer(
            policies: ["dio-csum", "unstable-pages", "pi-guard"].compactMap(Policy.builtIn(named:)),
            invariants: Self.bounds.builtInInvariants, bounds: WorkloadBounds(blocks: 1, mirrors: 2, writers: 2, scriptSteps: 1, budget: 1))
        let fewWhole = try few.runTable()
        for delay in [5, 60] {
            let early = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID()).ndjson").path
            defer { try? FileManager.default.removeItem(atPath: early) }
            var interrupted = few
            let stop = SearchCancellation()
            interrupted.options.search.cancellation = stop
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delay)) { stop.cancel() }
            let part = try interrupted.runTable(journal: FuzzJournal(path: early, resumes: false))
            #expect(part.reports.allSatisfy { $0.unknownWorkloads == 0 }, "stopped after \(delay) ms")
            let rest = try few.runTable(journal: FuzzJournal(path: early, resumes: true))
            #expect(Self.cells(rest) == Self.cells(fewWhole), "stopped after \(delay) ms")
            #expect(Self.findings(rest) == Self.findings(fewWhole), "stopped after \(delay) ms")
        }
        // A journal of another run is refused.
        #expect(throws: FuzzError.self) {
            try Self.fuzzer(WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1)).runTable(journal: FuzzJournal(path: path, resumes: true))
        }
    }

    @Test("with one mirror, mirrors-agree is not reachable, never said to hold")
    func unreachableIsNotHolds() throws {
        let bounds = WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, budget: 1)
        let table = try Self.fuzzer(bounds).runTable()
        for report in table.reports {
            #expect(table.cell(policy: report.policy, invariant: "mirrors-agree") == .unreachable("one mirror; --max-mirrors 2 allows a second"))
            #expect(report.verdict.contains("mirrors-agree not reachable within these bounds"))
            #expect(!report.verdict.contains("mirrors-agree holds") && !report.verdict.contains("mirrors-agree, "))
        }
        #expect(table.text.contains("| not reachable |"))
    }

    @Test("shrinking replaces a mutator by a writer's write: unstable-pages' race of one writer rewriting a folio under writeback")
    func shrinkingReplacesAMutatorByAWrite() throws {
        let unstable = Policy.builtIn(named: "unstable-pages")!
        let bounds = WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 2)
        let mutated = Workload(
            geometry: Geometry(blocks: 2), writers: [[.bufferedWrite(at: 1, blocks: 1)]],
            mutators: [Workload.Mutator(target: .pageCache, budget: 1)])
        // The writer's second write copies another block of its buffer over the folio it wrote.
        let rewrite = Workload(geometry: Geometry(blocks: 2), writers: [[.bufferedWrite(at: 1, blocks: 1), .directWrite(at: 0, blocks: 2)]])
        let candidates = mutated.shrinkCandidates(within: bounds)
        #expect(candidates.contains(rewrite))
        #expect(!mutated.shrinkCandidates.contains(rewrite))
        #expect(candidates.allSatisfy(bounds.contains))
        func verdict(_ workload: Workload) throws -> Verdict {
            let scenario = workload.scenario(named: "shrink", policies: [unstable], invariants: [.csumMatchesData])
            return try ExtentChecker(options: CheckOptions(computesTraces: false)).check(scenario).policies[0].results[0].verdict
        }
        #expect(try verdict(mutated) == .violated)
        #expect(try verdict(rewrite) == .violated)
        var withoutMutator = mutated
        withoutMutator.mutators = []
        #expect(try verdict(withoutMutator) == .holds)
    }

    @Test("two writers made one: the merged script within the bounds, mutators following")
    func shrinkingMergesWriters() {
        let workload = Workload(
            geometry: Geometry(blocks: 1), writers: [[.bufferedWrite(at: 0, blocks: 1)], [.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(1), budget: 1)])
        let candidates = workload.shrinkCandidates(within: WorkloadBounds(blocks: 1, writers: 2, scriptSteps: 2))
        #expect(candidates.contains(Workload(
            geometry: Geometry(blocks: 1), writers: [[.bufferedWrite(at: 0, blocks: 1), .directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])))
        #expect(candidates.contains(Workload(
            geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1), .bufferedWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])))
        #expect(workload.shrinkCandidates(within: WorkloadBounds(blocks: 1, writers: 2, scriptSteps: 1)).allSatisfy { $0.writers.count == 1 ? $0.steps == 1 : true })
    }
}
