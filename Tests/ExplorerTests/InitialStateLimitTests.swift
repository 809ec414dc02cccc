@_spi(Search) import Explorer
import Testing

/// A search under a state limit lists only the initial states it may keep, and still knows when
/// the limit kept some out, however often the system lists each one.
@Suite struct InitialStateLimitTests {
    /// Starts in the listed cells, repeats included, and never moves.
    struct Listed: TransitionSystem {
        var cells: [Grid.Cell]
        func initialStates() -> [Grid.Cell] { cells }
        func successors(of cell: Grid.Cell, into successors: inout [(action: Grid.Move, state: Grid.Cell)]) {}
        func isFinished(_ cell: Grid.Cell) -> Bool { true }
    }

    @Test("a repeated initial state does not hide the ones after it from the limit", arguments: [SearchStrategy.breadthFirst, .depthFirst])
    func repeatsDoNotHideTheLimit(strategy: SearchStrategy) {
        let origin = Grid.Cell(x: 0, y: 0)
        let system = Listed(cells: [origin, origin, origin, Grid.Cell(x: 1, y: 0)])
        #expect(system.initialStates(limit: 2) == [origin, Grid.Cell(x: 1, y: 0)])
        let checker = Checker(
            system: system, properties: [.always("at-origin") { $0 == origin ? .holds : .violated }],
            options: SearchOptions(strategy: strategy, maxStates: 1))
        let outcome = checker.run()
        #expect(outcome.limit == .maxStates(1))
        guard outcome.verdicts[0].verdict.verdict == .unknown else {
            Issue.record("one state of two was searched, yet the verdict is \(outcome.verdicts[0].verdict)")
            return
        }
    }
}
