@_spi(Search) import Explorer
import Testing

/// A search stopped through its `SearchCancellation` ends as a limit ends it: the discoveries made are
/// kept, everything else is unknown with the reason "interrupted", and the figures are those reached.
@Suite struct CancellationTests {
    /// 400 × 400 cells: far more states than are explored before the cancellation is seen.
    static let grid = Grid(width: 400, height: 400)

    /// Properties judged on the grid: one violated at (0,5), reached early in either order; one that holds everywhere, and one
    /// that sets `cancellation` when the search reaches a cell 100 steps from the origin.
    static func properties(cancelling cancellation: SearchCancellation) -> [Property<Grid>] {
        [
            .always("avoids (0,5)") { $0 == Grid.Cell(x: 0, y: 5) ? .violated : .holds },
            .always("anywhere") { _ in .holds },
            .always("cancels far out") { cell in
                if cell.x + cell.y == 100 { cancellation.cancel() }
                return .holds
            },
        ]
    }

    static func expectInterrupted(_ outcome: SearchOutcome<Grid.Cell, Grid.Move>) {
        #expect(outcome.limit == .interrupted)
        #expect(outcome.statistics.states > 100 && outcome.statistics.states < 400 * 400, "\(outcome.statistics.states) states")
        guard let path = outcome.verdict(named: "avoids (0,5)")?.violation else {
            Issue.record("a violation found before the interruption is kept: \(String(describing: outcome.verdict(named: "avoids (0,5)")))")
            return
        }
        #expect(path.finalState == Grid.Cell(x: 0, y: 5))
        for name in ["anywhere", "cancels far out"] {
            guard let reason = outcome.verdict(named: name)?.reason else {
                Issue.record("\(name): an interrupted search never says holds: \(String(describing: outcome.verdict(named: name)))")
                continue
            }
            #expect(reason == "interrupted before every state was explored")
        }
    }

    @Test("a cancelled search stops, keeps its discoveries, and makes the rest unknown", arguments: [SearchStrategy.breadthFirst, .depthFirst])
    func cancelledSearch(strategy: SearchStrategy) {
        let cancellation = SearchCancellation()
        let outcome = Checker(
            system: Self.grid, properties: Self.properties(cancelling: cancellation),
            options: SearchOptions(strategy: strategy, cancellation: cancellation, segmentSize: 64)
        ).run()
        Self.expectInterrupted(outcome)
    }

    @Test("a cancelled search on several threads stops too")
    func cancelledParallelSearch() {
        let cancellation = SearchCancellation()
        let options = SearchOptions(cancellation: cancellation, segmentSize: 64)
        let checkers = (0..<3).map { _ in
            Checker(system: Self.grid, properties: Self.properties(cancelling: cancellation), options: options)
        }
        Self.expectInterrupted(checkers[0].run(helpers: Array(checkers.dropFirst())))
    }

    @Test("a flag never set changes nothing")
    func unsetFlag() {
        let small = Grid(width: 30, height: 30)
        let plain = Checker(system: small, properties: [.always("anywhere") { _ in .holds }], options: SearchOptions()).run()
        let flagged = Checker(
            system: small, properties: [.always("anywhere") { _ in .holds }],
            options: SearchOptions(cancellation: SearchCancellation())
        ).run()
        #expect(flagged.limit == nil)
        #expect(flagged.statistics.states == plain.statistics.states)
        guard flagged.verdict(named: "anywhere")?.verdict == .holds else {
            Issue.record("\(String(describing: flagged.verdict(named: "anywhere")))")
            return
        }
    }

    @Test("cancelled walks stop before the next walk")
    func cancelledSimulation() {
        let cancellation = SearchCancellation()
        cancellation.cancel()
        let outcome = Simulator(
            system: Self.grid, properties: [.always("anywhere") { _ in .holds }],
            options: SimulationOptions(walks: 1000, cancellation: cancellation), actor: { "\($0)" }
        ).run()
        #expect(outcome.limit == .interrupted)
        #expect(outcome.walks == 0)
    }
}
