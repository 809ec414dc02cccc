@_spi(Search) import Explorer
import Extent
import ExtentCheck
import Testing

/// `--reduce symmetry` and `--reduce por` explore fewer states and keep every verdict.
@Suite struct ReductionTests {
    static let reductions: [Set<Reduction>] = [[.symmetry], [.partialOrder], [.symmetry, .partialOrder]]

    private func report(of scenario: Scenario, reductions: Set<Reduction> = [], data: DataMode? = nil) throws -> ModelReport {
        try ExtentChecker(options: CheckOptions(data: data, workers: 1, reductions: reductions)).check(scenario)
    }

    /// Each policy's verdicts, by property.
    private func verdicts(_ report: ModelReport) -> [String: [String: Verdict]] {
        Dictionary(uniqueKeysWithValues: report.policies.map { policy in
            (policy.policy, Dictionary(uniqueKeysWithValues: policy.results.map { ($0.property, $0.verdict) }))
        })
    }

    @Test(arguments: PackagePaths.modelFiles)
    func everyModelHasTheSameVerdictsUnderEveryReduction(file: String) throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        for data in [nil, DataMode.concrete(2)] as [DataMode?] {
            let whole = try report(of: scenario, data: data)
            for reductions in Self.reductions {
                let reduced = try report(of: scenario, reductions: reductions, data: data)
                let label = "\(reductions.map(\.description).sorted()) \(data.map(\.description) ?? "model's data")"
                #expect(verdicts(reduced) == verdicts(whole), "\(label)")
                #expect(reduced.reductions?.count == reductions.count, "\(label)")
                for (policy, unreduced) in zip(reduced.policies, whole.policies) {
                    #expect(policy.search.states <= unreduced.search.states, "\(label) \(policy.policy)")
                    for (result, other) in zip(policy.results, unreduced.results) {
                        // A trace is a run of the unreduced model: trace(of:) replays it step by step.
                        #expect((result.trace == nil) == (other.trace == nil), "\(label) \(policy.policy) \(result.property)")
                        // Symmetry keeps every state's depth, so counterexamples stay as short.
                        if reductions == [.symmetry], let trace = result.trace, let shortest = other.trace {
                            #expect(trace.steps.count == shortest.steps.count, "\(label) \(policy.policy) \(result.property)")
                        }
                    }
                }
            }
        }
    }

    @Test("writers of one script on buffers of their own trade places; those of a mutated buffer do not")
    func interchangeableWriters() throws {
        let twoWriters = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/two-writers.yaml"))
        #expect(twoWriters.interchangeableActors == [["writer-a", "writer-b"]])
        let whole = try report(of: twoWriters)
        let reduced = try report(of: twoWriters, reductions: [.symmetry])
        #expect(reduced.reductions == ["symmetry (interchangeable: writer-a = writer-b)"])
        for (policy, unreduced) in zip(reduced.policies, whole.policies) {
            // Each state with the writers in different places is one state with its mirror image.
            #expect(policy.search.states < unreduced.search.states, "\(policy.policy)")
            #expect(policy.search.maxDepth == unreduced.search.maxDepth, "\(policy.policy)")
        }

        func scenario(writers: Int, mutated: [Int], budgets: [Int]? = nil, sizes: [Int]? = nil) -> Scenario {
            Scenario(
                name: "writers", geometry: Geometry(blocks: 1),
                buffers: (0..<writers).map { Buffer(name: "b\($0)", blocks: sizes?[$0] ?? 1) },
                actors: (0..<writers).map { .writer("w\($0)", [.directWrite(IORange(buffer: $0, at: 0, blocks: 1)), .fsync]) }
                    + mutated.enumerated().map { index, buffer in
                        .mutator("m\(index)", target: .buffer(buffer), budget: budgets?[index] ?? 1)
                    })
        }
        #expect(scenario(writers: 3, mutated: [0]).interchangeableActors == [["w1", "w2"]])
        #expect(scenario(writers: 3, mutated: [0, 1]).interchangeableActors == [["w0", "w1"]])
        #expect(scenario(writers: 2, mutated: [0, 1], budgets: [1, 2]).interchangeableActors.isEmpty)
        #expect(scenario(writers: 2, mutated: [], sizes: [1, 2]).interchangeableActors.isEmpty)
        #expect(scenario(writers: 1, mutated: [0, 0]).interchangeableActors == [["m0", "m1"]])

        let three = scenario(writers: 3, mutated: [0])
        let threeWhole = try report(of: three, data: .concrete(2))
        let threeReduced = try report(of: three, reductions: [.symmetry], data: .concrete(2))
        #expect(verdicts(threeReduced) == verdicts(threeWhole))
        for (policy, unreduced) in zip(threeReduced.policies, threeWhole.policies) {
            #expect(policy.search.states < unreduced.search.states, "\(policy.policy)")
        }
    }

    @Test("partial order takes a bio's steps on a stable source alone, and finds the seed's race all the same")
    func partialOrderReducesStableSources() throws {
        // Under buffered-fallback every bio reads a folio kept stable under writeback.
        let scenario = Scenario(
            name: "three-blocks", geometry: Geometry(blocks: 3), data: .concrete(2), buffers: [Buffer(name: "b", blocks: 3)],
            actors: [
                .writer("w", [.directWrite(IORange(buffer: 0, at: 0, blocks: 3)), .fsync]),
                .mutator("m", target: .buffer(0), budget: 1),
            ],
            policies: ["buffered-fallback", "dio-csum", "dio-bounce"].compactMap(Policy.builtIn(named:)))
        let whole = try report(of: scenario)
        let reduced = try report(of: scenario, reductions: [.partialOrder])
        #expect(verdicts(reduced) == verdicts(whole))
        #expect(reduced.policy(named: "dio-csum")?.results.first?.verdict == .violated)
        for name in ["buffered-fallback", "dio-bounce"] {
            let (states, unreduced) = (reduced.policy(named: name)!.search.states, whole.policy(named: name)!.search.states)
            #expect(states * 2 < unreduced, "\(name): \(states) of \(unreduced) states")
        }
    }

    @Test("a reduction refuses a property stated in Swift, whose verdict it might change")
    func reductionsRefuseSwiftProperties() throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/two-writers.yaml"))
        let inFlight = ExtentProperty.always("no-bio-in-flight", meaning: "a bio is in flight") { state in
            state.bios.isEmpty ? [] : [Finding("a bio is in flight")]
        }
        let checker = ExtentChecker(options: CheckOptions(reductions: [.partialOrder]), properties: [inFlight])
        #expect(throws: CheckError.reductionWithSwiftProperty(.partialOrder, property: "no-bio-in-flight")) {
            try checker.check(scenario)
        }
        #expect(try report(of: scenario).reductions == nil)
    }
}
