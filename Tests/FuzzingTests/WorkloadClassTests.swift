@_spi(Search) import Explorer
import Extent
import Fuzzing
import Testing

/// Workloads up to renaming: the canonical form, the workloads a class stands for, and the classes
/// a fuzz run checks.
@Suite struct WorkloadClassTests {
    static let bounds = WorkloadBounds(blocks: 2, writers: 3, scriptSteps: 2, mutators: 2, budget: 2, readers: 2)

    /// `workload` with writers, readers and mutators put in the orders given, targets following.
    private func renamed(_ workload: Workload, writers: [Int], readers: [Int], mutators: [Int]) -> Workload {
        var renamed = workload
        renamed.writers = writers.map { workload.writers[$0] }
        renamed.readers = readers.map { workload.readers[$0] }
        renamed.mutators = mutators.map { index in
            var mutator = workload.mutators[index]
            switch mutator.target {
            case .writerBuffer(let writer): mutator.target = .writerBuffer(writers.firstIndex(of: writer)!)
            case .readerBuffer(let reader): mutator.target = .readerBuffer(readers.firstIndex(of: reader)!)
            case .pageCache: break
            }
            return mutator
        }
        return renamed
    }

    private func permutations(_ count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        return permutations(count - 1).flatMap { rest in (0...rest.count).map { var p = rest; p.insert(count - 1, at: $0); return p } }
    }

    @Test("every renaming of a workload has its canonical form, and the renamings number its orderings", arguments: [1, 2, 3] as [UInt64])
    func renamingsShareTheCanonicalForm(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let space = WorkloadSpace(bounds: Self.bounds)
        for _ in 0..<60 {
            let workload = space.sample(using: &generator, scale: 1)
            var distinct: Set<Workload> = []
            for writers in permutations(workload.writers.count) {
                for readers in permutations(workload.readers.count) {
                    for mutators in permutations(workload.mutators.count) {
                        let other = renamed(workload, writers: writers, readers: readers, mutators: mutators)
                        #expect(other.canonical == workload.canonical, "\(workload) and \(other)")
                        distinct.insert(other)
                    }
                }
            }
            #expect(workload.orderings == distinct.count, "\(workload)")
        }
    }

    @Test("workloads that race differently have different canonical forms")
    func differentRacesStayApart() {
        let script: [Workload.Step] = [.directWrite(at: 0, blocks: 1)]
        let mutated = Workload(
            geometry: Geometry(blocks: 1), writers: [script, [.bufferedWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])
        var other = mutated
        other.mutators = [Workload.Mutator(target: .writerBuffer(1), budget: 1)]
        #expect(mutated.canonical != other.canonical)
        // Two writers of one script: which one's buffer changes does not matter.
        var twins = mutated
        twins.writers = [script, script]
        var twinsOther = twins
        twinsOther.mutators = other.mutators
        #expect(twins.canonical == twinsOther.canonical)
        #expect(twins.orderings == 2 && mutated.orderings == 2)
    }

    @Test("the classes are the listed workloads up to renaming, first of each kept, orderings summing to all workloads as written")
    func classesCoverTheSpace() {
        let space = WorkloadSpace(bounds: WorkloadBounds(blocks: 1, writers: 2, scriptSteps: 2, mutators: 1, budget: 1, readers: 1))
        let all = space.all()
        let classes = space.classes()
        #expect(classes.count < all.count)
        #expect(Set(classes.map(\.workload.canonical)).count == classes.count)
        #expect(Set(all.map(\.canonical)) == Set(classes.map(\.workload.canonical)))
        // Each class is checked as its first listed member, in the listing's order.
        let firsts = all.filter { workload in all.first { $0.canonical == workload.canonical } == workload }
        #expect(classes.map(\.workload) == firsts)
        // Every workload as written, listed or not, belongs to exactly one class.
        var written: Set<Workload> = []
        for workload in all {
            for writers in permutations(workload.writers.count) {
                for readers in permutations(workload.readers.count) {
                    for mutators in permutations(workload.mutators.count) {
                        written.insert(renamed(workload, writers: writers, readers: readers, mutators: mutators))
                    }
                }
            }
        }
        #expect(classes.map(\.orderings).reduce(0, +) == written.count)
    }
}
