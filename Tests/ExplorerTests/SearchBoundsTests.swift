@_spi(Search) import Explorer
import Foundation
import Testing

/// Where the state, depth and memory limits stop each search: the figures at the stop are pinned, so
/// that breadth-first search on one thread or several and depth-first search keep checking each
/// limit at the same points, and keep finding deadlocks on the way.
@Suite struct SearchBoundsTests {
    /// A search: its order, its threads, and the limits it is given.
    struct Search: Sendable, CustomTestStringConvertible {
        var strategy = SearchStrategy.breadthFirst
        var helpers = 0
        var storage = StateStorage.fingerprints
        var maxStates: Int?
        var maxDepth: Int?

        var testDescription: String {
            "\(strategy) \(storage) +\(helpers) threads, max states \(maxStates.map(String.init) ?? "-"), max depth \(maxDepth.map(String.init) ?? "-")"
        }

        func run<System: TransitionSystem>(
            _ system: System, _ properties: [Property<System>], memoryLimit: Int? = nil
        ) -> SearchOutcome<System.State, System.Action> {
            let options = SearchOptions(
                strategy: strategy, storage: storage, maxStates: maxStates, maxDepth: maxDepth, memoryLimit: memoryLimit,
                segmentSize: 7)
            let checker = Checker(system: system, properties: properties, options: options)
            return checker.run(helpers: Array(repeating: checker, count: helpers))
        }
    }

    /// A grid with walls: dead ends, and many paths to most cells.
    static let walled = Grid(
        width: 40, height: 30,
        walls: Set((0..<200).map { Grid.Cell(x: ($0 * 37) % 40, y: 1 + ($0 * 11) % 29) }).subtracting([Grid.Cell(x: 39, y: 29)]))

    static var properties: [Property<Grid>] { [.noDeadlock("no-dead-end"), .always("anywhere") { _ in .holds }] }

    /// The figures of `outcome` but its time, its limit, and where each verdict was found.
    static func figures(_ outcome: SearchOutcome<Grid.Cell, Grid.Move>) -> String {
        let statistics = outcome.statistics
        let verdicts = outcome.verdicts.map { name, verdict in
            guard let path = verdict.path else { return "\(name) \(verdict.verdict)" }
            return "\(name) at \(path.finalState) after \(path.steps.count)"
        }
        return "\(statistics.initialStates)/\(statistics.states) states, \(statistics.transitions) transitions, depth "
            + "\(statistics.maxDepth), \(outcome.limit.map(String.init(describing:)) ?? "no limit"); \(verdicts.joined(separator: ", "))"
    }

    static let breadthFirstOnSeveralThreads: [Search] = [0, 1, 3].map { Search(helpers: $0) }

    @Test("a breadth-first search stops at the state limit where one thread stops", arguments: breadthFirstOnSeveralThreads)
    func breadthFirstStateLimit(search: Search) {
        var search = search
        search.maxStates = 500
        #expect(
            Self.figures(search.run(Self.walled, Self.properties))
                == "1/500 states, 771 transitions, depth 38, max-states 500; no-dead-end unknown, anywhere unknown")
    }

    @Test("a breadth-first search stops at the depth limit where one thread stops", arguments: breadthFirstOnSeveralThreads)
    func breadthFirstDepthLimit(search: Search) {
        var search = search
        search.maxDepth = 12
        #expect(
            Self.figures(search.run(Self.walled, Self.properties))
                == "1/58 states, 79 transitions, depth 12, max-depth 12; no-dead-end unknown, anywhere unknown")
    }

    @Test("a state limit of 0 keeps out every initial state", arguments: breadthFirstOnSeveralThreads + [Search(strategy: .depthFirst)])
    func noStates(search: Search) {
        var search = search
        search.maxStates = 0
        #expect(
            Self.figures(search.run(Self.walled, Self.properties))
                == "0/0 states, 0 transitions, depth 0, max-states 0; no-dead-end unknown, anywhere unknown")
    }

    @Test("a depth-first search stops at its state and depth limits, and finds a deadlock on the way")
    func depthFirstLimits() {
        let figures = [(500, nil), (nil, 12), (nil, nil)].map { (maxStates: Int?, maxDepth: Int?) in
            Self.figures(Search(strategy: .depthFirst, maxStates: maxStates, maxDepth: maxDepth).run(Self.walled, Self.properties))
        }
        #expect(
            figures == [
                "1/500 states, 738 transitions, depth 68, max-states 500; no-dead-end at (9,29) after 38, anywhere unknown",
                "1/58 states, 79 transitions, depth 12, max-depth 12; no-dead-end unknown, anywhere unknown",
                "1/894 states, 1381 transitions, depth 68, no limit; no-dead-end at (9,29) after 38, anywhere holds",
            ])
    }

    /// Runs `search` on `system` with a memory limit below what the process holds already, and gives
    /// its figures with the limit named only.
    func figuresAtMemoryLimit<System: TransitionSystem>(_ search: Search, _ system: System) throws -> String
    where System.State == Grid.Cell, System.Action == Grid.Move {
        let limit = try #require(ResidentMemory.bytes()) / 2
        let outcome = search.run(system, [.noDeadlock("no-dead-end"), .always("anywhere") { _ in .holds }], memoryLimit: limit)
        #expect(outcome.limit == .memory(limit))
        return Self.figures(outcome).replacingOccurrences(of: "\(SearchLimit.memory(limit))", with: "memory-limit")
    }

    @Test("a breadth-first search stops at a memory limit before its first segment", arguments: breadthFirstOnSeveralThreads)
    func breadthFirstMemoryLimit(search: Search) throws {
        #expect(
            try figuresAtMemoryLimit(search, Grid(width: 300, height: 300))
                == "1/1 states, 0 transitions, depth 0, memory-limit; no-dead-end unknown, anywhere unknown")
    }

    /// Exact storage: a seen set of fingerprints allocates a table at its first fingerprint in each,
    /// and so stops at the first successor (below).
    @Test("a depth-first search looks at its memory every 4096 states")
    func depthFirstMemoryLimit() throws {
        #expect(
            try figuresAtMemoryLimit(Search(strategy: .depthFirst, storage: .exact), Grid(width: 300, height: 300))
                == "1/4383 states, 7878 transitions, depth 598, memory-limit; no-dead-end unknown, anywhere unknown")
    }

    /// From the origin, a step to each of the first `width` cells of the row above, which lead nowhere.
    struct Fan: TransitionSystem {
        var width: Int
        func initialStates() -> [Grid.Cell] { [Grid.Cell(x: 0, y: 0)] }
        func successors(of cell: Grid.Cell, into successors: inout [(action: Grid.Move, state: Grid.Cell)]) {
            guard cell.y == 0 else { return }
            for x in 0..<width { successors.append((.up, Grid.Cell(x: x, y: 1))) }
        }
        func isFinished(_ cell: Grid.Cell) -> Bool { true }
    }

    @Test("a depth-first search stops at a memory limit before its seen set grows")
    func depthFirstMemoryLimitBeforeGrowth() throws {
        // The tables of the seen set take memory at their first fingerprint: the initial state's
        // has one, and the first successor's table is about to take some.
        #expect(
            try figuresAtMemoryLimit(Search(strategy: .depthFirst), Fan(width: 20_000))
                == "1/1 states, 1 transitions, depth 0, memory-limit; no-dead-end unknown, anywhere unknown")
    }
}
