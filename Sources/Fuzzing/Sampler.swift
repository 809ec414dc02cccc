internal import Explorer

/// The workloads of a sampled fuzz run: `runs` distinct draws from `seed`, the first small and the
/// later growing to the bounds by the middle of the run. A space smaller than `runs` ends the
/// sequence early, after ten times `runs` draws.
struct Sampler: Sequence, IteratorProtocol {
    let space: WorkloadSpace
    let runs: Int
    var generator: SeededGenerator
    var seen: Set<Workload> = []
    var draws = 0

    init(space: WorkloadSpace, runs: Int, seed: UInt64) {
        self.space = space
        self.runs = runs
        generator = SeededGenerator(seed: seed)
    }

    mutating func next() -> Workload? {
        while seen.count < runs, draws < runs * 10 {
            draws += 1
            let scale = Swift.min(1, Double(draws) / Double(Swift.max(1, runs / 2)))
            let workload = space.sample(using: &generator, scale: scale)
            if seen.insert(workload).inserted { return workload }
        }
        return nil
    }
}
