public import Fuzzing
public import PropertyBased

extension Gen where Value == Workload {
    /// Workloads within `bounds`, of every size up to them, shrinking as `fuzz` shrinks: fewer
    /// actors (a mutator replaced by a writer's write among them), shorter scripts, fewer blocks, smaller ranges and budgets, one mirror, one word.
    ///
    /// ```swift
    /// await propertyCheck(input: Gen.workload(within: WorkloadBounds(blocks: 1))) { workload in
    ///     workload.expect(.csumMatchesData, .holds, under: "buffered-fallback")
    /// }
    /// ```
    public static func workload(within bounds: WorkloadBounds) -> Generator<Workload, [Workload]> {
        let space = WorkloadSpace(bounds: bounds)
        return Generator(
            run: { generator in
                let scale = Double.random(in: 0...1, using: &generator)
                return space.sample(using: &generator, scale: scale)
            },
            shrink: { workload in workload.shrinkCandidates(within: bounds) })
    }
}
