@_spi(Search) import Explorer
import Testing

/// The search constrained by a log, on the grid: the log observes moves up (and may state that the
/// walker is in some column), moves right are taken freely.
@Suite struct ObservedRunSearchTests {
    enum Event: Equatable {
        case up
        case inColumn(Int)
    }

    /// Moves right are free; a move up is the event `up`; `inColumn` is a fact. The memory counts
    /// the moves right, so that paths to one cell are told apart only where they differ.
    struct UpObserver: RunObserver {
        let system: Grid
        var initialMemory: Int { 0 }
        func takeUnlogged(_ action: Grid.Move, from state: Grid.Cell, memory: Int) -> Int? { action == .right ? memory + 1 : nil }
        func take(_ action: Grid.Move, as event: Event, from state: Grid.Cell, memory: Int) -> Int? {
            action == .up && event == .up ? memory : nil
        }
        func pass(_ event: Event, in state: Grid.Cell, memory: Int) -> Int? { event == .inColumn(state.x) ? memory : nil }
    }

    let search = ObservedRunSearch(observer: UpObserver(system: Grid(width: 3, height: 3)))

    @Test("unobserved steps are taken between events: up, column 2, up is a walk of the grid")
    func admitsWithHiddenSteps() throws {
        guard case .admitted(let path) = search.run([Event.up, .inColumn(2), .up]) else {
            Issue.record("the run was refused")
            return
        }
        #expect(path.actions.count == 4)
        #expect(path.actions.last == .up)
        #expect(path.finalState == Grid.Cell(x: 2, y: 2))
    }

    @Test("an observed step no event shows is never taken: three ups leave the grid")
    func refusesAnEventWithNoStep() throws {
        guard case .refused(let event, let path, let enabled) = search.run([Event.up, .up, .up]) else {
            Issue.record("the run was admitted")
            return
        }
        #expect(event == 2)
        #expect(path.actions == [.up, .up])
        #expect(enabled == [.right])
    }

    @Test("a fact that holds nowhere the path can be is refused where the search got furthest")
    func refusesAFactThatDoesNotHold() throws {
        guard case .refused(let event, let path, _) = search.run([Event.inColumn(1), .up, .inColumn(0)]) else {
            Issue.record("the run was admitted")
            return
        }
        #expect(event == 2)
        #expect(path.actions == [.right, .up])
    }

    @Test("a log with no events is admitted by the empty path")
    func admitsTheEmptyLog() {
        guard case .admitted(let path) = search.run([]) else {
            Issue.record("the run was refused")
            return
        }
        #expect(path.steps.isEmpty)
    }
}
