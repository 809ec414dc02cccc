@_spi(Search) import Explorer
import Extent
import Foundation
import Fuzzing
import Testing

@Suite struct WorkloadSpaceTests {
    @Test func countMatchesTheListedWorkloads() {
        for bounds in [
            WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, mutators: 0, budget: 1),
            WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 2),
            WorkloadBounds(blocks: 2, mirrors: 2, writers: 2, scriptSteps: 1, mutators: 2, budget: 1),
        ] {
            let space = WorkloadSpace(bounds: bounds)
            let all = space.all()
            #expect(Double(all.count) == space.count, "\(bounds)")
            #expect(Set(all).count == all.count, "every workload once: \(bounds)")
            #expect(all.allSatisfy(bounds.contains))
        }
    }

    /// One block, writers of one step, no mutators: 3 scripts (dio-write, write, fsync), as one
    /// writer, or two writers choosing with repetition (6).
    @Test func smallestSpaceCountedByHand() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 1, writers: 2, scriptSteps: 1, mutators: 0))
        #expect(space.count == 9)
        #expect(space.all().first?.writers.count == 1)
    }

    @Test func samplesAreTheSameForTheSameSeed() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 3, mirrors: 2, writers: 2, scriptSteps: 3, mutators: 2))
        func draw(_ seed: UInt64) -> [Workload] {
            var generator = SeededGenerator(seed: seed)
            return (0..<50).map { space.sample(using: &generator, scale: Double($0 + 1) / 50) }
        }
        #expect(draw(7) == draw(7))
        #expect(draw(7) != draw(8))
        #expect(draw(7).allSatisfy(space.bounds.contains))
    }

    @Test func everyShrinkCandidateIsSmallerAndWithinTheBounds() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 3, blockWords: 2, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 2, budget: 2))
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            let workload = space.sample(using: &generator, scale: 1)
            for candidate in workload.shrinkCandidates {
                #expect(space.bounds.contains(candidate), "\(workload) → \(candidate)")
                #expect(candidate != workload)
                #expect(measure(candidate) < measure(workload), "\(workload) → \(candidate)")
            }
        }
    }

    @Test func countWithReadersAndScrubberMatchesTheListedWorkloads() {
        for bounds in [
            WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, mutators: 0, budget: 1, readers: 1),
            WorkloadBounds(blocks: 2, writers: 1, scriptSteps: 1, mutators: 1, budget: 1, readers: 2, scrub: true),
            WorkloadBounds(blocks: 1, mirrors: 2, writers: 2, scriptSteps: 1, mutators: 2, budget: 2, readers: 1),
            WorkloadBounds(blocks: 2, writers: 1, scriptSteps: 2, mutators: 1, budget: 1, scrub: true),
        ] {
            let space = WorkloadSpace(bounds: bounds)
            let all = space.all()
            #expect(Double(all.count) == space.count, "\(bounds)")
            #expect(Set(all).count == all.count, "every workload once: \(bounds)")
            #expect(all.allSatisfy(bounds.contains))
            #expect(all.contains { $0.readers.count == bounds.readers } && all.contains(where: \.scrub) == bounds.scrub)
        }
    }

    /// One block, one writer of one step (3 scripts), no mutators, at most one reader (none, a read
    /// or a dio-read), with and without a scrubber: 3 × 3 × 2.
    @Test func smallestSpaceWithReadersCountedByHand() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, mutators: 0, readers: 1, scrub: true))
        #expect(space.count == 18)
        #expect(space.all().prefix(3).allSatisfy { $0.readers.isEmpty && !$0.scrub })
    }

    /// A mutator may change the buffer of a dio-read reader, never that of a reader through the cache.
    @Test func mutatorsTargetOnlyDirectReadersBuffers() {
        let all = WorkloadSpace(bounds: WorkloadBounds(blocks: 1, writers: 1, scriptSteps: 1, mutators: 1, budget: 1, readers: 2)).all()
        let targets = all.flatMap { workload in
            workload.mutators.compactMap { mutator -> Workload.Read? in
                guard case .readerBuffer(let reader) = mutator.target else { return nil }
                return workload.readers[reader]
            }
        }
        #expect(!targets.isEmpty)
        #expect(targets.allSatisfy { $0.isDirect })
    }

    @Test func samplesWithReadersLieWithinTheBounds() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 3, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 2, readers: 2, scrub: true))
        var generator = SeededGenerator(seed: 5)
        let drawn = (0..<200).map { space.sample(using: &generator, scale: Double($0 + 1) / 200) }
        #expect(drawn.allSatisfy(space.bounds.contains))
        #expect(drawn.contains { $0.readers.contains(where: \.isDirect) } && drawn.contains(where: \.scrub))
        #expect(drawn.contains { $0.mutators.contains { if case .readerBuffer = $0.target { true } else { false } } })
    }

    @Test func everyShrinkCandidateWithReadersIsSmallerAndWithinTheBounds() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 3, blockWords: 2, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 2, budget: 2, readers: 2, scrub: true))
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            let workload = space.sample(using: &generator, scale: 1)
            for candidate in workload.shrinkCandidates {
                #expect(space.bounds.contains(candidate), "\(workload) → \(candidate)")
                #expect(measure(candidate) < measure(workload), "\(workload) → \(candidate)")
                #expect(candidate.mutators.allSatisfy { mutator in
                    guard case .readerBuffer(let reader) = mutator.target else { return true }
                    return candidate.readers.indices.contains(reader) && candidate.readers[reader].isDirect
                }, "\(workload) → \(candidate)")
            }
        }
    }

    @Test func shrinkingDropsReadersAndTheScrubber() {
        let workload = Workload(
            geometry: Geometry(blocks: 2), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .readerBuffer(1), budget: 1)],
            readers: [.read(at: 1, blocks: 1), .directRead(at: 0, blocks: 2)], scrub: true)
        let candidates = workload.shrinkCandidates
        // Without the first reader, the second's buffer is read-buffer-1 and its mutator follows it.
        #expect(candidates.contains(Workload(
            geometry: Geometry(blocks: 2), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .readerBuffer(0), budget: 1)],
            readers: [.directRead(at: 0, blocks: 2)], scrub: true)))
        // Without the second reader, or with its dio-read made a read, its buffer's mutator goes.
        for readers in [[Workload.Read.read(at: 1, blocks: 1)], [.read(at: 1, blocks: 1), .read(at: 0, blocks: 2)]] {
            #expect(candidates.contains(Workload(
                geometry: Geometry(blocks: 2), writers: [[.directWrite(at: 0, blocks: 1)]], readers: readers, scrub: true)))
        }
        var unscrubbed = workload
        unscrubbed.scrub = false
        #expect(candidates.contains(unscrubbed))
        var shorter = workload
        shorter.readers[1] = .directRead(at: 0, blocks: 1)
        #expect(candidates.contains(shorter))
        #expect(candidates.allSatisfy { $0.geometry.blocks == 2 || $0.readers.allSatisfy { $0.range.at + $0.range.blocks <= 1 } })
    }

    @Test func readersAndTheScrubberAreDescribedAndNamed() throws {
        let workload = Workload(
            geometry: Geometry(blocks: 2), writers: [[.fsync]], mutators: [Workload.Mutator(target: .readerBuffer(1), budget: 1)],
            readers: [.read(at: 0, blocks: 2), .directRead(at: 1, blocks: 1)], scrub: true)
        #expect("\(workload)" == "2 blocks; writer-1: fsync; mutator-1: read-buffer-2, budget 1; "
            + "reader-1: read blocks 0-1; reader-2: dio-read block 1; scrubber: 1 pass")
        let scenario = workload.scenario(named: "w", policies: [Policy.builtIn[0]], invariants: ExtentProperty.builtIn)
        try scenario.validate()
        #expect(scenario.buffers == [Buffer(name: "buffer-1", blocks: 1), Buffer(name: "read-buffer-2", blocks: 1)])
        #expect(scenario.actors.map(\.name) == ["writer-1", "mutator-1", "reader-1", "reader-2", "scrubber"])
        #expect(scenario.actors[1].role == .mutator(target: .buffer(1), budget: 1))
        #expect(scenario.actors[3].role == .reader([.directRead(IORange(buffer: 1, at: 1, blocks: 1))]))
    }

    @Test func workloadsAndBoundsWithoutReadersEncodeAsBefore() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = Workload(geometry: Geometry(blocks: 1), writers: [[.fsync]])
        let text = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!text.contains("readers") && !text.contains("scrub"))
        #expect(!String(decoding: try encoder.encode(WorkloadBounds()), as: UTF8.self).contains("readers"))
        var reading = plain
        reading.readers = [.directRead(at: 0, blocks: 1)]
        reading.scrub = true
        #expect(try JSONDecoder().decode(Workload.self, from: encoder.encode(reading)) == reading)
        #expect(try JSONDecoder().decode(Workload.self, from: encoder.encode(plain)) == plain)
        let bounds = WorkloadBounds(readers: 2, scrub: true)
        #expect(try JSONDecoder().decode(WorkloadBounds.self, from: encoder.encode(bounds)) == bounds)
    }

    @Test func readerBoundsAreChecked() {
        #expect(WorkloadBounds(readers: 9).problem == "--max-readers must be 0 through 8, found 9")
        #expect(WorkloadBounds(writers: 8, mutators: 8, readers: 1).problem?.contains("at most 16") == true)
        #expect(WorkloadBounds().description == "≤ 2 blocks, ≤ 2 writers, scripts ≤ 2 steps, ≤ 1 mutator, budgets ≤ 2")
        #expect(WorkloadBounds(readers: 1, scrub: true).description.hasSuffix("budgets ≤ 2, ≤ 1 reader, a scrubber"))
        #expect(WorkloadBounds().builtInInvariants == ExtentProperty.builtIn(for: []))
        #expect(WorkloadBounds(readers: 1).builtInInvariants.map(\.name).suffix(2) == ["reads-succeed", "no-false-alarm"])
        #expect(WorkloadBounds(scrub: true).builtInInvariants.map(\.name).suffix(2) == ["no-false-alarm", "scrub-finds-damage"])
    }

    /// A measure every reduction lowers: shrinking ends.
    private func measure(_ workload: Workload) -> Int {
        let geometry = workload.geometry
        let ranges = workload.writers.joined().compactMap(\.range) + workload.readers.map(\.range)
        return workload.writers.count + workload.mutators.count + workload.steps + workload.budgets + geometry.blocks
            + geometry.blockWords + geometry.mirrors + ranges.map { $0.at + $0.blocks }.reduce(0, +)
            + workload.readers.count + workload.readers.filter(\.isDirect).count + (workload.scrub ? 1 : 0)
    }
}
