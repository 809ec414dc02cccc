@_spi(Search) import Explorer
import Testing

/// A search that counts coverage counts each step under its key, and each new state under the key
/// of the step that first reached it: exactly, whatever the number of threads.
@Suite struct CoverageTests {
    /// A grid whose moves are counted by direction, or by direction and the cell moved from (so that
    /// the count of new states tells which step first reached each); but for the moves `uncounted` names.
    struct KeyedGrid: TransitionSystem {
        /// A move, and the cell it is made from where the key tells it.
        struct Step: Hashable {
            var move: Grid.Move
            var from: Grid.Cell?
        }

        var grid: Grid
        var keysCells = false
        var uncounted: Set<Grid.Move> = []

        func initialStates() -> [Grid.Cell] { grid.initialStates() }
        func successors(of cell: Grid.Cell, into successors: inout [(action: Step, state: Grid.Cell)]) {
            var moves: [(action: Grid.Move, state: Grid.Cell)] = []
            grid.successors(of: cell, into: &moves)
            successors += moves.map { (Step(move: $0.action, from: cell), $0.state) }
        }
        func isFinished(_ cell: Grid.Cell) -> Bool { grid.isFinished(cell) }
        func coverageKey(of step: Step) -> Step? {
            uncounted.contains(step.move) ? nil : Step(move: step.move, from: keysCells ? step.from : nil)
        }
    }

    /// Levels of `width` states, each state with three steps to the next level, and most states of
    /// a level reached from three of the level before: wide enough for the threads of a search to
    /// share each level, so that several find the same new state. A step's key is the step itself,
    /// so the count of new states tells which step first reached each.
    struct Lattice: TransitionSystem {
        struct Node: Hashable, StableHashable {
            var level: Int
            var index: Int
            func stableHash(into hasher: inout StableHasher) {
                hasher.combine(level)
                hasher.combine(index)
            }
        }

        struct Edge: Hashable {
            var from: Node
            var choice: Int
        }

        var width: Int
        var depth: Int

        func initialStates() -> [Node] { (0..<width).map { Node(level: 0, index: $0) } }
        func successors(of node: Node, into successors: inout [(action: Edge, state: Node)]) {
            guard node.level < depth else { return }
            for choice in 0..<3 {
                successors.append((Edge(from: node, choice: choice), Node(level: node.level + 1, index: (node.index * 7 + choice) % width)))
            }
        }
        func isFinished(_ node: Node) -> Bool { node.level == depth }
        func coverageKey(of edge: Edge) -> Edge? { edge }
    }

    /// The moves of a direction, as a key that does not tell the cell.
    static let right = KeyedGrid.Step(move: .right), up = KeyedGrid.Step(move: .up)

    /// The grid of `LevelSearchTests`: walls, dead ends, and many paths to most cells.
    let walled = KeyedGrid(
        grid: Grid(
            width: 40, height: 30,
            walls: Set((0..<200).map { Grid.Cell(x: ($0 * 37) % 40, y: 1 + ($0 * 11) % 29) })
                .subtracting([Grid.Cell(x: 39, y: 29)])))

    func coverage<System: TransitionSystem>(
        of system: System, _ options: SearchOptions, helpers: Int = 0
    ) -> (outcome: SearchOutcome<System.State, System.Action>, coverage: [System.CoverageKey: StepCoverage]?) {
        let checker = Checker(system: system, properties: [], options: options)
        let outcome = checker.run(helpers: Array(repeating: checker, count: helpers))
        return (outcome, checker.coverage(in: outcome))
    }

    @Test func countsEachMoveOfAnOpenGrid() throws {
        let grid = KeyedGrid(grid: Grid(width: 5, height: 4))
        let coverage = try #require(coverage(of: grid, SearchOptions(countsCoverage: true)).coverage)
        // A right move from every cell but the last column's, an up move from every cell but the top row's.
        // Breadth first, a level is expanded from its greatest x down: a cell above the bottom row is
        // first reached from below it, a cell of the bottom row from its left.
        #expect(coverage[Self.right] == StepCoverage(transitions: 4 * 4, states: 4))
        #expect(coverage[Self.up] == StepCoverage(transitions: 5 * 3, states: 5 * 3))
        #expect(coverage.count == 2)
    }

    @Test func countsNothingUnlessAsked() {
        #expect(coverage(of: walled, SearchOptions()).coverage == nil)
        #expect(coverage(of: walled, SearchOptions(strategy: .depthFirst)).coverage == nil)
    }

    @Test func aSystemWithoutKeysCountsNoStep() throws {
        let coverage = try #require(coverage(of: walled.grid, SearchOptions(countsCoverage: true)).coverage)
        #expect(coverage.isEmpty)
    }

    @Test func aStepWithoutAKeyIsNotCounted() throws {
        var grid = walled
        grid.uncounted = [.up]
        let all = try #require(coverage(of: walled, SearchOptions(countsCoverage: true)).coverage)
        let some = try #require(coverage(of: grid, SearchOptions(countsCoverage: true)).coverage)
        #expect(some == [Self.right: all[Self.right]!])
    }

    @Test(
        "the counts add up to the search's figures",
        arguments: [SearchStrategy.breadthFirst, .depthFirst], [StateStorage.fingerprints, .exact])
    func countsAddUp(strategy: SearchStrategy, storage: StateStorage) throws {
        let (outcome, found) = coverage(of: walled, SearchOptions(strategy: strategy, storage: storage, countsCoverage: true))
        let coverage = try #require(found)
        let statistics = outcome.statistics
        #expect(statistics.states > 500)
        #expect(coverage.values.map(\.transitions).reduce(0, +) == statistics.transitions)
        #expect(coverage.values.map(\.states).reduce(0, +) == statistics.states - statistics.initialStates)
        #expect(coverage.keys.count == 2)
    }

    @Test("several threads count what one counts", arguments: [nil, 700] as [Int?])
    func severalThreadsCountWhatOneCounts(maxStates: Int?) throws {
        // Keyed by cell, a state's count tells which step first reached it.
        var walled = walled
        walled.keysCells = true
        let one = try #require(coverage(of: walled, SearchOptions(maxStates: maxStates, countsCoverage: true)).coverage)
        for segmentSize in [1, 7, 2048] {
            for helpers in [1, 3] {
                let options = SearchOptions(maxStates: maxStates, segmentSize: segmentSize, countsCoverage: true)
                let (outcome, many) = coverage(of: walled, options, helpers: helpers)
                #expect(many == one, "segments of \(segmentSize), \(helpers + 1) threads")
                #expect(
                    one.values.map(\.states).reduce(0, +) == outcome.statistics.states - outcome.statistics.initialStates)
            }
        }
    }

    @Test("threads that find the same new state count it once, under the step one thread reached it by")
    func threadsSharingALevelCountWhatOneCounts() throws {
        let lattice = Lattice(width: 3001, depth: 4)
        let one = try #require(coverage(of: lattice, SearchOptions(countsCoverage: true)).coverage)
        #expect(one.values.map(\.states).reduce(0, +) == 3001 * 4)
        #expect(one.count == 3001 * 4 * 3)
        for segmentSize in [1, 5] {
            let (_, found) = coverage(of: lattice, SearchOptions(segmentSize: segmentSize, countsCoverage: true), helpers: 3)
            let many = try #require(found)
            // Compared key by key: a failure names a few keys that differ, not all 36,012.
            let differing = one.keys.filter { many[$0] != one[$0] }
            #expect(many.count == one.count, "segments of \(segmentSize)")
            #expect(differing.isEmpty, "segments of \(segmentSize): \(differing.count) differ, e.g. \(differing.prefix(2))")
        }
    }
}
