import ExtentCheck
import PropertyBased

extension ScenarioCase {
    /// Valid scenarios as large as validation lets them be: 16 blocks of 8 words on 2 mirrors, up to
    /// 16 buffers of 16 blocks and 16 actors, scripts of up to 64 whole-file writes, budgets of a
    /// million. No search reaches the end of one: they show that the limits end it.
    static let largest = Generator<ScenarioCase, Shrink.None<ScenarioCase>>(run: { random in
        let geometry = Geometry(
            blocks: Geometry.maximumBlocks, blockWords: Geometry.maximumBlockWords,
            wordBits: Bool.random(using: &random) ? 1 : 64, mirrors: 2)
        let buffers = (0..<Int.random(in: 1...Scenario.maximumBuffers, using: &random)).map { index in
            Buffer(name: "buffer-\(index)", blocks: Geometry.maximumBlocks)
        }
        var scenario = Scenario(name: "largest", geometry: geometry, buffers: buffers)
        scenario.actors = (0..<Int.random(in: 1...Scenario.maximumActors, using: &random)).map { index in
            guard index == 0 || Bool.random(using: &random) else {
                let target: MutationTarget =
                    Bool.random(using: &random) ? .pageCache : .buffer(Int.random(in: 0..<buffers.count, using: &random))
                return .mutator("mutator-\(index)", target: target, budget: Scenario.Actor.maximumBudget)
            }
            let steps = (0..<Int.random(in: 1...Scenario.maximumScriptSteps, using: &random)).map { _ in
                let range = IORange(buffer: Int.random(in: 0..<buffers.count, using: &random), at: 0, blocks: Geometry.maximumBlocks)
                return [WriterStep.directWrite(range), .bufferedWrite(range), .fsync][Int.random(in: 0..<3, using: &random)]
            }
            return .writer("writer-\(index)", steps)
        }
        // One value a word: the most concrete data such a scenario may have.
        if Bool.random(using: &random) { scenario.data = .concrete(1) }
        let first = Int.random(in: 0..<Policy.builtIn.count, using: &random)
        scenario.policies = [Policy.builtIn[first], Policy.builtIn[(first + 5) % Policy.builtIn.count]]
        return ScenarioCase(scenario: scenario, expected: nil, breakage: "largest")
    })
}
