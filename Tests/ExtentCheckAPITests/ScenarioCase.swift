import ExtentCheck
import PropertyBased

/// A scenario built through the public API, as a user builds one, and what its validation must say:
/// nothing, for a valid one, or the part and field of the one rule it was made to break.
struct ScenarioCase: Sendable, CustomStringConvertible {
    /// The kind of part a `ScenarioError.Subject` names, without its index and name.
    enum Part: Hashable, Sendable {
        case scenario, buffer, actor, step, policy, invariant, expectation

        init(_ subject: ScenarioError.Subject) {
            switch subject {
            case .scenario: self = .scenario
            case .buffer: self = .buffer
            case .actor: self = .actor
            case .step: self = .step
            case .policy: self = .policy
            case .invariant: self = .invariant
            case .expectation: self = .expectation
            }
        }
    }

    /// What the validation must name.
    struct Expected: Hashable, Sendable {
        var part: Part
        var field: ScenarioError.Field
        /// The actor the error must name, for an actor or a step.
        var actor: String? = nil
        /// The step the error must name, for a step.
        var step: Int? = nil
    }

    var scenario: Scenario
    /// Nil for a valid scenario.
    var expected: Expected?
    /// What was broken, in words, for the report of a failing case.
    var breakage: String
    /// Whether the scenario was drawn at random, valid or not: then `expected` is nil, and either is right.
    var isWild = false

    var description: String {
        let geometry = scenario.geometry
        let actors = scenario.actors.map { actor in
            switch actor.role {
            case .writer(let script): "\(actor.name): \(script)"
            case .mutator(let target, let budget): "\(actor.name): mutator of \(target), budget \(budget)"
            case .reader(let script): "\(actor.name): reader \(script)"
            case .scrubber(let passes): "\(actor.name): scrubber of \(passes) passes"
            }
        }
        return "\(breakage); blocks \(geometry.blocks), words \(geometry.blockWords), bits \(geometry.wordBits), "
            + "mirrors \(geometry.mirrors), \(scenario.data); buffers \(scenario.buffers.map { "\($0.name): \($0.blocks)" }); "
            + "actors \(actors); policies \(scenario.policies.map(\.name))"
    }

    /// Cases of every kind: a quarter valid, a quarter wild (`wild(using:)`), the rest each breaking one
    /// rule with a value a user might give (past the end, negative, huge, odd widths, names taken).
    static let generator = Generator<ScenarioCase, Shrink.None<ScenarioCase>>(run: { random in
        let base = valid(using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return ScenarioCase(scenario: base, expected: nil, breakage: "valid")
        case 1: return wild(using: &random)
        default: break
        }
        let breakages = Breakage.all
        return breakages[Int.random(in: 0..<breakages.count, using: &random)].apply(base, &random)
    })

    /// A valid scenario of a few blocks, buffers and actors, of any supported word width, in symbolic
    /// data or in concrete data of a few initial states.
    static func valid(using random: inout any SeededRandomNumberGenerator) -> Scenario {
        let geometry = Geometry(
            blocks: Int.random(in: 1...3, using: &random), blockWords: Int.random(in: 1...2, using: &random),
            wordBits: [1, 3, 7, 8, 13, 32, 64][Int.random(in: 0..<7, using: &random)],
            mirrors: Int.random(in: 1...2, using: &random))
        let buffers = (0..<Int.random(in: 1...2, using: &random)).map { index in
            Buffer(name: "buffer-\(index)", blocks: Int.random(in: 1...geometry.blocks, using: &random))
        }
        var scenario = Scenario(name: "case", geometry: geometry, buffers: buffers)
        scenario.actors = (0..<Int.random(in: 1...2, using: &random)).map { index in
            .writer("writer-\(index)", script(in: scenario, using: &random))
        }
        scenario.actors += (0..<Int.random(in: 0...2, using: &random)).map { index in
            let target: MutationTarget =
                Bool.random(using: &random) ? .pageCache : .buffer(Int.random(in: 0..<buffers.count, using: &random))
            return .mutator("mutator-\(index)", target: target, budget: Int.random(in: 0...2, using: &random))
        }
        let k = Int.random(in: 1...3, using: &random)
        let fits = geometry.wordBits >= 2 || k <= 2
        let initialStates = (0..<scenario.freshInitialWords).reduce(1) { product, _ in min(product * k, 1_000_000) }
        if Bool.random(using: &random), fits, initialStates <= 10_000 { scenario.data = .concrete(k) }
        let first = Int.random(in: 0..<Policy.builtIn.count, using: &random)
        scenario.policies = [Policy.builtIn[first], Policy.builtIn[(first + 3) % Policy.builtIn.count]]
        return scenario
    }

    /// A script of one to three steps that starts with a write, every write within its buffer and the file.
    static func script(in scenario: Scenario, using random: inout any SeededRandomNumberGenerator) -> [WriterStep] {
        (0..<Int.random(in: 1...3, using: &random)).map { index in
            let kind = index == 0 ? Int.random(in: 0...1, using: &random) : Int.random(in: 0...2, using: &random)
            guard kind < 2 else { return .fsync }
            let buffer = Int.random(in: 0..<scenario.buffers.count, using: &random)
            let blocks = Int.random(in: 1...min(scenario.buffers[buffer].blocks, scenario.geometry.blocks), using: &random)
            let range = IORange(buffer: buffer, at: Int.random(in: 0...(scenario.geometry.blocks - blocks), using: &random), blocks: blocks)
            return kind == 0 ? .directWrite(range) : .bufferedWrite(range)
        }
    }
}
