/// One workload a fuzz run checks, with its place in the run.
struct FuzzCandidate: Sendable {
    /// The workload's number in the run's order, counting from 1; a shard's are the whole run's.
    var number: Int
    var workload: Workload
    /// How many workloads as written it stands for: its class's, or 1 when the run does not reduce.
    var orderings: Int
}

/// The workloads a fuzz run checks, in order: sampled from the seed, or every one within the bounds
/// (each class of renamed workloads once when the run reduces), this process's shard of them, after
/// those a resumed run checked already.
struct FuzzCandidates: Sequence {
    /// How many workloads the run (or its shard) checks in all, those checked before a resume included.
    let count: Int
    private let listing: AnyIterator<FuzzCandidate>

    init(fuzzer: Fuzzer, after checked: Int) throws {
        switch fuzzer.mode {
        case .sample(let runs, let seed):
            guard runs > 0 else { throw FuzzError.bounds("--runs must be at least 1, found \(runs)") }
            var sampler = Sampler(
                space: WorkloadSpace(bounds: fuzzer.bounds), runs: runs, seed: seed, largestFirst: fuzzer.largestFirst,
                cancellation: fuzzer.options.search.cancellation, identifiesRenamings: fuzzer.reduces)
            var number = 0
            count = runs
            listing = AnyIterator {
                while let workload = sampler.next() {
                    number += 1
                    if number > checked { return FuzzCandidate(number: number, workload: workload, orderings: workload.orderings) }
                }
                return nil
            }
        case .exhaustive(let limit):
            let space = WorkloadSpace(bounds: fuzzer.bounds)
            guard space.count <= Double(limit) else {
                throw FuzzError.tooManyWorkloads(space.count, limit: limit, bounds: fuzzer.bounds)
            }
            let listed = fuzzer.reduces ? space.classes() : space.all().map { WorkloadClass(workload: $0, orderings: 1) }
            let shard = fuzzer.shard
            let mine = listed.enumerated().filter { index, _ in shard.map { index % $0.count == $0.index - 1 } ?? true }
            count = mine.count
            var rest = mine.filter { $0.offset + 1 > checked }.makeIterator()
            listing = AnyIterator {
                rest.next().map { FuzzCandidate(number: $0.offset + 1, workload: $0.element.workload, orderings: $0.element.orderings) }
            }
        }
    }

    func makeIterator() -> AnyIterator<FuzzCandidate> { listing }
}
