@_spi(Search) import Explorer
import Testing

@Suite struct SimulatorTests {
    /// Walks on a 6 × 6 grid; the property forbids the cell (3,3), which walks reach in 6 steps.
    static let grid = Grid(width: 6, height: 6)
    static var avoidsCentre: Property<Grid> { Property<Grid>.always("avoids (3,3)") { $0 == Grid.Cell(x: 3, y: 3) ? .violated : .holds } }

    static func simulate(
        _ grid: Grid = grid, _ properties: [Property<Grid>] = [avoidsCentre], seed: UInt64 = 1, walks: Int = 200,
        bias: SimulationOptions.Bias = .uniform
    ) -> SimulationOutcome<Grid.Cell, Grid.Move> {
        Simulator(
            system: grid, properties: properties, options: SimulationOptions(walks: walks, depth: 50, seed: seed, bias: bias),
            actor: { "\($0)" }
        ).run()
    }

    @Test("a walk finds the violation; the shrunk path replays to it and is no longer", arguments: SimulationOptions.Bias.allCases)
    func findsAndShrinks(bias: SimulationOptions.Bias) throws {
        let outcome = Self.simulate(bias: bias)
        guard outcome.verdicts[0].verdict == .violated, let shrunk = outcome.verdicts[0].path,
            let (walk, found) = outcome.verdicts[0].walk
        else {
            Issue.record("expected a violation, got \(outcome.verdicts[0])")
            return
        }
        #expect(walk >= 1 && walk == outcome.walks, "walking stops once every property is decided")
        #expect(found.finalState == Grid.Cell(x: 3, y: 3))
        #expect(shrunk.finalState == Grid.Cell(x: 3, y: 3))
        #expect(shrunk.steps.count == 6)
        // Moves of one kind together: right, right, right, up, up, up (or the other way round), one switch.
        let switches = zip(shrunk.actions, shrunk.actions.dropFirst()).filter { $0 != $1 }.count
        #expect(switches == 1, "\(found.actions) -> \(shrunk.actions)")
        let simulator = Simulator(system: Self.grid, properties: [Self.avoidsCentre], options: SimulationOptions(), actor: { "\($0)" })
        #expect(simulator.replay(shrunk.actions, from: shrunk.initialState, until: 0)?.finalState == shrunk.finalState)
    }

    @Test("a step that is not enabled fails the replay")
    func replayRejectsDisabledSteps() {
        let simulator = Simulator(system: Self.grid, properties: [Self.avoidsCentre], options: SimulationOptions(), actor: { "\($0)" })
        let tooFarRight = [Grid.Move](repeating: .right, count: 6) + [.up, .up, .up]
        #expect(simulator.replay(tooFarRight, from: Grid.Cell(x: 0, y: 0), until: 0) == nil)
        #expect(simulator.replay([.right, .up], from: Grid.Cell(x: 0, y: 0), until: 0) == nil, "no violation")
    }

    @Test("the same seed walks the same way; another seed differently")
    func seedsReproduce() {
        func summary(_ outcome: SimulationOutcome<Grid.Cell, Grid.Move>) -> String {
            guard outcome.verdicts[0].verdict == .violated, let (walk, found) = outcome.verdicts[0].walk else { return "none" }
            return "\(walk) \(found.actions) \(outcome.steps)"
        }
        #expect(summary(Self.simulate(seed: 9)) == summary(Self.simulate(seed: 9)))
        #expect(Set((1...8).map { summary(Self.simulate(seed: $0)) }).count > 1)
    }

    @Test("a property no walk violates is not violated, never holds; deadlocks and examples are found")
    func otherVerdicts() {
        let boxed = Grid(width: 3, height: 3, walls: [Grid.Cell(x: 2, y: 1), Grid.Cell(x: 1, y: 2)])
        let outcome = Self.simulate(
            boxed,
            [
                .always("never off the grid") { $0.x < 3 && $0.y < 3 ? .holds : .violated },
                .noDeadlock("no deadlock"),
                .sometimes("reaches (1,1)") { $0 == Grid.Cell(x: 1, y: 1) ? .holds : .violated },
            ], walks: 50)
        guard outcome.verdicts[0].verdict == .notViolated else { Issue.record("\(outcome.verdicts[0])"); return }
        guard outcome.verdicts[1].verdict == .violated, let deadlock = outcome.verdicts[1].path else {
            Issue.record("\(outcome.verdicts[1])")
            return
        }
        let stuck: Set = [Grid.Cell(x: 2, y: 0), Grid.Cell(x: 1, y: 1), Grid.Cell(x: 0, y: 2)]
        #expect(stuck.contains(deadlock.finalState) && deadlock.steps.count == 2, "\(deadlock.actions)")
        guard outcome.verdicts[2].verdict == .witnessed, let example = outcome.verdicts[2].path else {
            Issue.record("\(outcome.verdicts[2])")
            return
        }
        #expect(example.steps.count == 2)
        #expect(outcome.walks == 50)
    }
}
