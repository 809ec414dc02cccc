@_spi(Search) import Explorer
import Extent
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

    /// A measure every reduction lowers: shrinking ends.
    private func measure(_ workload: Workload) -> Int {
        let geometry = workload.geometry
        let ranges = workload.writers.joined().compactMap(\.range)
        return workload.writers.count + workload.mutators.count + workload.steps + workload.budgets + geometry.blocks
            + geometry.blockWords + geometry.mirrors + ranges.map { $0.at + $0.blocks }.reduce(0, +)
    }
}
