@_spi(Search) internal import Explorer

/// The workloads of a sampled fuzz run: `runs` distinct draws from `seed`, the first small and the
/// later growing to the bounds by the middle of the run (or, largest first, the other way round).
/// A space smaller than `runs` ends the sequence early, after ten times `runs` draws.
struct Sampler: Sequence, IteratorProtocol {
    let space: WorkloadSpace
    let runs: Int
    let largestFirst: Bool
    var generator: SeededGenerator
    /// Stops the draws: with many runs, early draws come from a small part of the space and repeat,
    /// so finding the next new workload can take long.
    let cancellation: SearchCancellation?
    /// Whether a workload that renames one drawn before counts as drawn before.
    let identifiesRenamings: Bool
    var seen: Set<Workload> = []
    var draws = 0

    init(space: WorkloadSpace, runs: Int, seed: UInt64, largestFirst: Bool = false, cancellation: SearchCancellation? = nil,
        identifiesRenamings: Bool = false
    ) {
        self.space = space
        self.runs = runs
        self.largestFirst = largestFirst
        self.cancellation = cancellation
        self.identifiesRenamings = identifiesRenamings
        generator = SeededGenerator(seed: seed)
    }

    mutating func next() -> Workload? {
        while seen.count < runs, draws < runs * 10 {
            if draws & 0x3FF == 0, cancellation?.isCancelled == true { return nil }
            draws += 1
            let growing = Swift.min(1, Double(draws) / Double(Swift.max(1, runs / 2)))
            let scale = largestFirst ? Swift.max(0, 1 - growing + 1 / Double(Swift.max(1, runs / 2))) : growing
            let workload = space.sample(using: &generator, scale: scale)
            if seen.insert(identifiesRenamings ? workload.canonical : workload).inserted { return workload }
        }
        return nil
    }
}
