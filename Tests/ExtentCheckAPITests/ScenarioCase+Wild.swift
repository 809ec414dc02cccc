import ExtentCheck
import PropertyBased

extension ScenarioCase {
    /// A scenario whose every size, index and budget is drawn from small valid values, the largest
    /// valid ones and invalid ones alike, and whose names may repeat: valid or not, nobody knows
    /// which rule it breaks first. Its case expects either a `ScenarioError` or a check that ends in time.
    static func wild(using random: inout any SeededRandomNumberGenerator) -> ScenarioCase {
        // One value in 25 invalid, one in 4 the largest valid, the rest small: about one wild
        // scenario in four is valid, many of them as large as validation lets them be.
        func pick(_ valid: ClosedRange<Int>) -> Int {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<4: [valid.lowerBound - 1, -1, Int.min, Int.max, valid.upperBound + 1][Int.random(in: 0..<5, using: &random)]
            case 4..<29: valid.upperBound
            default: Int.random(in: valid.lowerBound...min(valid.upperBound, valid.lowerBound + 2), using: &random)
            }
        }
        let geometry = Geometry(
            blocks: pick(1...Geometry.maximumBlocks), blockWords: pick(1...Geometry.maximumBlockWords),
            wordBits: pick(1...64), mirrors: pick(1...2))
        let buffers = (0..<Int.random(in: 0...3, using: &random)).map { index in
            Buffer(name: Int.random(in: 0..<5, using: &random) == 0 ? "b0" : "b\(index)", blocks: pick(1...Geometry.maximumBlocks))
        }
        // Ranges mostly within their buffer and the file, sized as if both were valid.
        let fileBlocks = min(max(geometry.blocks, 1), Geometry.maximumBlocks)
        func range() -> IORange {
            let buffer = pick(0...max(0, buffers.count - 1))
            let length = buffers.indices.contains(buffer) ? min(max(buffers[buffer].blocks, 1), Geometry.maximumBlocks) : 1
            let blocks = pick(1...min(length, fileBlocks))
            let fits = (1...Geometry.maximumBlocks).contains(blocks) ? fileBlocks - blocks : 0
            return IORange(buffer: buffer, at: pick(0...max(0, fits)), blocks: blocks)
        }
        var scenario = Scenario(name: "wild", geometry: geometry, buffers: buffers)
        scenario.actors = (0..<Int.random(in: 0...3, using: &random)).map { index in
            let name = Int.random(in: 0..<5, using: &random) == 0 ? "a0" : "a\(index)"
            guard Bool.random(using: &random) else {
                let target: MutationTarget = Bool.random(using: &random) ? .pageCache : .buffer(pick(0...max(0, buffers.count - 1)))
                return .mutator(name, target: target, budget: pick(0...Scenario.Actor.maximumBudget))
            }
            return .writer(name, (0..<Int.random(in: 0...3, using: &random)).map { _ in
                [WriterStep.fsync, .directWrite(range()), .bufferedWrite(range())][Int.random(in: 0..<3, using: &random)]
            })
        }
        if Bool.random(using: &random) { scenario.data = .concrete(pick(1...4)) }
        scenario.policies = [Policy.builtIn[Int.random(in: 0..<Policy.builtIn.count, using: &random)]]
        return ScenarioCase(scenario: scenario, expected: nil, breakage: "wild", isWild: true)
    }
}
