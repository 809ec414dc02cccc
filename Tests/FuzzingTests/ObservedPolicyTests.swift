@_spi(Search) import Explorer
import Extent
import ExtentCheck
import Fuzzing
import Testing

/// Policies a workload observes alike give it the same model: a fuzz run searches it once for all
/// of them. Checked on workloads no one wrote by hand, symbolically: readers, a scrubber, two mirrors
/// and crashes included, under every built-in policy.
@Suite struct ObservedPolicyTests {
    static let bounds = WorkloadBounds(blocks: 2, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 1, readers: 1, scrub: true)

    /// Each policy's states, transitions and verdicts on `scenario`; nil when a search hit `maxStates`.
    private func check(_ scenario: Scenario) throws -> [(states: Int, transitions: Int, verdicts: [Verdict])]? {
        var options = CheckOptions(computesTraces: false, workers: 1)
        options.search.maxStates = 4_000
        let report = try ExtentChecker(options: options).check(scenario)
        guard report.policies.allSatisfy({ $0.limit == nil }) else { return nil }
        return report.policies.map { ($0.search.states, $0.search.transitions, $0.results.map(\.verdict)) }
    }

    @Test("policies observed alike count the same states and transitions and give the same verdicts", arguments: [1, 2] as [UInt64])
    func observedAlikeMeansTheSameModel(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let space = WorkloadSpace(bounds: Self.bounds)
        var (checked, shared) = (0, 0)
        for run in 0..<20 {
            let workload = space.sample(using: &generator, scale: Double(run % 10 + 1) / 10)
            var scenario = workload.scenario(named: "sample-\(run)", policies: Policy.builtIn, invariants: ExtentProperty.builtIn)
            if run % 4 == 3 { scenario.crashes = 1 }
            guard let results = try check(scenario) else { continue }
            checked += 1
            let observed = Policy.builtIn.map { $0.observed(by: scenario) }
            for a in observed.indices {
                for b in observed.indices where b > a && observed[a] == observed[b] {
                    shared += 1
                    let (one, other) = (results[a], results[b])
                    let names = "\(Policy.builtIn[a].name) and \(Policy.builtIn[b].name) on \(workload)"
                    #expect(one.states == other.states, "\(names)")
                    #expect(one.transitions == other.transitions, "\(names)")
                    #expect(one.verdicts == other.verdicts, "\(names)")
                }
            }
        }
        #expect(checked >= 10)
        #expect(shared >= 20)
    }

    @Test("a workload without O_DIRECT writes cannot tell the O_DIRECT paths apart, one with them can")
    func directWritesTellPathsApart() {
        let buffered = Workload(geometry: Geometry(blocks: 1), writers: [[.bufferedWrite(at: 0, blocks: 1)]])
        let direct = Workload(geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]])
        let (csum, bounce, verify) = (Policy.builtIn(named: "dio-csum")!, Policy.builtIn(named: "dio-bounce")!, Policy.builtIn(named: "dio-verify")!)
        for policy in [bounce, verify] {
            let onBuffered = buffered.scenario(named: "buffered", policies: [], invariants: [])
            let onDirect = direct.scenario(named: "direct", policies: [], invariants: [])
            #expect(csum.observed(by: onBuffered) == policy.observed(by: onBuffered))
            #expect(csum.observed(by: onDirect) != policy.observed(by: onDirect))
        }
        // Stored blocks start with a checksum under a policy that checksums anything: kept apart.
        let skip = Policy.builtIn(named: "dio-skip-csum")!, nodatasum = Policy.builtIn(named: "nodatasum")!
        let onDirect = direct.scenario(named: "direct", policies: [], invariants: [])
        #expect(skip.observed(by: onDirect) != nodatasum.observed(by: onDirect))
    }
}
