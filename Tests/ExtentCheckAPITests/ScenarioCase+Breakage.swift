import ExtentCheck
import PropertyBased

extension ScenarioCase {
    /// One rule broken on a valid scenario, and the part and field the validation must then name.
    struct Breakage: Sendable {
        var name: String
        var apply: @Sendable (Scenario, inout any SeededRandomNumberGenerator) -> ScenarioCase

        /// A breakage that changes the scenario with a value picked from `values`.
        init(
            _ name: String, _ expected: Expected, values: [Int] = [0],
            _ change: @escaping @Sendable (inout Scenario, Int) -> Void
        ) {
            self.name = name
            apply = { scenario, random in
                var broken = scenario
                let value = values[Int.random(in: 0..<values.count, using: &random)]
                change(&broken, value)
                return ScenarioCase(scenario: broken, expected: expected, breakage: "\(name) (\(value))")
            }
        }

        /// Every breakage: the geometry, the data mode, buffers, writers' steps, mutators, names, lists.
        static let all: [Breakage] = geometry + buffers + steps + actors + lists

        /// Values a user might give for a size that must be small and positive.
        static let badSizes = [0, -1, -7, Int.min, Int.max, 1 << 40]

        static let geometry: [Breakage] = [
            Breakage("blocks", Expected(part: .scenario, field: .blocks), values: badSizes + [17]) { $0.geometry.blocks = $1 },
            Breakage("scenario name too long", Expected(part: .scenario, field: .name), values: [129, 1_000_000]) {
                $0.name = String(repeating: "s", count: $1)
            },
            Breakage("block words", Expected(part: .scenario, field: .blockWords), values: badSizes + [9]) {
                $0.geometry.blockWords = $1
            },
            Breakage("word bits", Expected(part: .scenario, field: .wordBits), values: badSizes + [65, 128]) {
                $0.geometry.wordBits = $1
            },
            Breakage("mirrors", Expected(part: .scenario, field: .mirrors), values: badSizes + [3]) { $0.geometry.mirrors = $1 },
            Breakage("concrete values", Expected(part: .scenario, field: .data), values: [0, -3, 252, Int.min, Int.max]) {
                $0.data = .concrete($1)
            },
            Breakage("concrete values wider than a 1-bit word", Expected(part: .scenario, field: .data), values: [3, 251]) {
                $0.geometry.wordBits = 1
                $0.data = .concrete($1)
            },
            Breakage("concrete initial states", Expected(part: .scenario, field: .data), values: [251]) {
                $0.geometry.wordBits = 8
                $0.buffers.append(Buffer(name: "wide", blocks: 3))
                $0.data = .concrete($1)
            },
        ]

        static let buffers: [Breakage] = [
            Breakage("buffer length", Expected(part: .buffer, field: .blocks), values: badSizes + [17]) {
                $0.buffers[$0.buffers.count - 1].blocks = $1
            },
            Breakage("buffer name taken", Expected(part: .buffer, field: .name)) { scenario, _ in
                scenario.buffers.append(Buffer(name: scenario.buffers[0].name, blocks: 1))
            },
            Breakage("buffer name empty", Expected(part: .buffer, field: .name)) { scenario, _ in scenario.buffers[0].name = "" },
            Breakage("buffer name too long", Expected(part: .buffer, field: .name), values: [129, 100_000]) {
                $0.buffers[0].name = String(repeating: "b", count: $1)
            },
            Breakage("buffer named as the page cache", Expected(part: .buffer, field: .name)) { scenario, _ in
                scenario.buffers[0].name = MutationTarget.pageCacheName
            },
            Breakage("too many buffers", Expected(part: .scenario, field: .buffers), values: [17, 1000]) { scenario, count in
                scenario.buffers += (0..<count).map { Buffer(name: "extra-\($0)", blocks: 1) }
            },
        ]

        /// Breaks the range of the first step of `writer-0`, which is always a write.
        static func step(_ name: String, _ field: ScenarioError.Field, values: [Int], _ range: @escaping @Sendable (Scenario, Int) -> IORange)
            -> Breakage
        {
            Breakage(name, Expected(part: .step, field: field, actor: "writer-0", step: 0), values: values) { scenario, value in
                guard case .writer(var script) = scenario.actors[0].role else { return }
                let broken = range(scenario, value)
                script[0] = if case .directWrite = script[0] { .directWrite(broken) } else { .bufferedWrite(broken) }
                scenario.actors[0].role = .writer(script)
            }
        }

        static let steps: [Breakage] = [
            step("step's buffer", .buffer, values: [-1, 2, 3, Int.max, Int.min]) { _, value in IORange(buffer: value, at: 0, blocks: 1) },
            step("step's at", .at, values: [-1, 3, Int.max, Int.min]) { scenario, value in
                IORange(buffer: 0, at: value >= 0 ? max(value, scenario.geometry.blocks) : value, blocks: 1)
            },
            step("step's blocks", .blocks, values: [0, -1, Int.min, Int.max, 17]) { _, value in IORange(buffer: 0, at: 0, blocks: value) },
            Breakage("step past the end of the file", Expected(part: .step, field: .at, actor: "writer-0", step: 0)) { scenario, _ in
                scenario.buffers[0].blocks = scenario.geometry.blocks + 1
                // A longer buffer has more fresh words: under concrete:K they could exceed the initial
                // states a model may enumerate, a second fault that validation would name first.
                scenario.data = .symbolic
                guard case .writer(var script) = scenario.actors[0].role else { return }
                script[0] = .directWrite(IORange(buffer: 0, at: 0, blocks: scenario.geometry.blocks + 1))
                scenario.actors[0].role = .writer(script)
            },
        ]

        static let actors: [Breakage] = [
            Breakage("mutator's buffer", Expected(part: .actor, field: .target, actor: "broken"), values: [-1, 2, 5, Int.max, Int.min]) {
                $0.actors.append(.mutator("broken", target: .buffer($1), budget: 1))
            },
            Breakage("mutator's budget", Expected(part: .actor, field: .budget, actor: "broken"), values: [-1, Int.min, Int.max, 1_000_001]) {
                $0.actors.append(.mutator("broken", target: .pageCache, budget: $1))
            },
            Breakage("actor name taken", Expected(part: .actor, field: .name, actor: "writer-0")) { scenario, _ in
                scenario.actors.append(.writer("writer-0", [.fsync]))
            },
            Breakage("actor name empty", Expected(part: .actor, field: .name, actor: "")) { scenario, _ in scenario.actors.append(.writer("", [.fsync])) },
            Breakage("script too long", Expected(part: .actor, field: .script, actor: "long"), values: [65, 10_000]) {
                $0.actors.append(.writer("long", Array(repeating: .fsync, count: $1)))
            },
            Breakage("too many actors", Expected(part: .scenario, field: .actors), values: [17, 500]) { scenario, count in
                scenario.actors += (0..<count).map { .writer("extra-\($0)", [.fsync]) }
            },
        ]

        static let lists: [Breakage] = [
            Breakage("no policy", Expected(part: .scenario, field: .policies)) { scenario, _ in scenario.policies = [] },
            Breakage("policy listed twice", Expected(part: .policy, field: .name)) { scenario, _ in scenario.policies.append(scenario.policies[0]) },
            Breakage("built-in policy changed under its name", Expected(part: .policy, field: .name)) { scenario, _ in
                scenario.policies[0].stablePages.toggle()
            },
            Breakage("invariant listed twice", Expected(part: .invariant, field: .name)) { scenario, _ in
                scenario.invariants.append(scenario.invariants[0])
            },
            Breakage("expectation under a policy not checked", Expected(part: .expectation, field: .expectations)) { scenario, _ in
                scenario.expectations["no-such-policy"] = ["csum-matches-data": .holds]
            },
        ]
    }
}
