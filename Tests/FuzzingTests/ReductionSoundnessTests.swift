@_spi(Search) import Explorer
import Extent
import ExtentCheck
import Fuzzing
import Testing

/// Reductions keep every verdict, on workloads no one wrote by hand: writers of one script and of
/// several, mutators of buffers and of the page cache, one mirror and two, with a crash and
/// without, under every built-in policy. In `concrete:2`, whose searches are fast; ReductionTests checks the bundled models symbolically.
@Suite struct ReductionSoundnessTests {
    static let bounds = WorkloadBounds(blocks: 2, mirrors: 2, writers: 3, scriptSteps: 2, mutators: 2, budget: 2)
    /// The most states a policy's search of a sampled workload may count: larger ones are skipped.
    static let mostStates = 1_500

    /// Each policy's verdicts by property, and how many states each search counted.
    /// Nil when a policy's search reached `maxStates`.
    private func check(
        _ scenario: Scenario, reductions: Set<Reduction>, maxStates: Int? = nil
    ) throws -> (verdicts: [[Verdict]], states: [Int])? {
        var options = CheckOptions(data: .concrete(2), computesTraces: false, workers: 1, reductions: reductions)
        options.search.maxStates = maxStates
        let report = try ExtentChecker(options: options).check(scenario)
        guard report.policies.allSatisfy({ $0.limit == nil }) else { return nil }
        return (report.policies.map { $0.results.map(\.verdict) }, report.policies.map(\.search.states))
    }

    @Test("sampled workloads have the same verdicts with and without each reduction", arguments: [1, 2] as [UInt64])
    func sampledWorkloads(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let space = WorkloadSpace(bounds: Self.bounds)
        var (checked, reduced) = (0, (symmetry: 0, partialOrder: 0))
        for run in 0..<24 {
            var workload = space.sample(using: &generator, scale: Double(run % 10 + 1) / 10)
            // A second writer of the first one's script, on a buffer of its own: interchangeable with
            // it, unless a mutator tells them apart.
            if run.isMultiple(of: 2) { workload.writers.append(workload.writers[0]) }
            let invariants = ExtentProperty.builtIn.filter { $0 != .mirrorsAgree || workload.geometry.mirrors > 1 }
            var scenario = workload.scenario(named: "sample-\(run)", policies: Policy.builtIn, invariants: invariants)
            // Every third workload may crash once: partial order takes no step alone while a crash may come.
            if run % 3 == 2 { scenario.crashes = 1 }
            // Larger workloads add time, not cases: the sample's small ones cover every kind of step.
            guard let whole = try check(scenario, reductions: [], maxStates: Self.mostStates) else { continue }
            checked += 1
            for reductions in [[.symmetry], [.partialOrder], [.symmetry, .partialOrder]] as [Set<Reduction>] {
                let result = try #require(try check(scenario, reductions: reductions))
                #expect(result.verdicts == whole.verdicts, "\(reductions) on \(workload)")
                #expect(zip(result.states, whole.states).allSatisfy(<=), "\(reductions) on \(workload)")
                if result.states != whole.states {
                    if reductions == [.symmetry] { reduced.symmetry += 1 }
                    if reductions == [.partialOrder] { reduced.partialOrder += 1 }
                }
            }
        }
        // The sample exercises both reductions, not only models they leave alone.
        #expect(checked >= 12)
        #expect(reduced.symmetry >= checked / 4 && reduced.partialOrder >= checked / 3, "of \(checked): \(reduced)")
    }
}
