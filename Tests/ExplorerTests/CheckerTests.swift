@_spi(Search) import Explorer
import Synchronization
import Testing

@Suite struct CheckerTests {
    let grid = Grid(width: 4, height: 3)

    @Test func visitsEveryReachableStateOnce() {
        let outcome = Checker(system: grid, properties: []).run()
        #expect(outcome.statistics.states == 12)
        #expect(outcome.statistics.initialStates == 1)
        // Every cell has a right move except the last column, an up move except the top row.
        #expect(outcome.statistics.transitions == 3 * 3 + 4 * 2)
        #expect(outcome.statistics.maxDepth == 5)
        #expect(outcome.isExhaustive)
    }

    @Test func breadthFirstFindsAShortestCounterexample() throws {
        let property = Property<Grid>.always("x+y<3") { $0.x + $0.y < 3 ? .holds : .violated }
        let outcome = Checker(system: grid, properties: [property]).run()
        guard let path = outcome.verdict(named: "x+y<3")?.violation else {
            Issue.record("expected a violation")
            return
        }
        #expect(path.steps.count == 3)
        #expect(path.finalState.x + path.finalState.y == 3)
        // The path replays: each step is a move from the state before it.
        var cell = path.initialState
        for (action, state) in path.steps {
            cell = action == .right ? Grid.Cell(x: cell.x + 1, y: cell.y) : Grid.Cell(x: cell.x, y: cell.y + 1)
            #expect(cell == state)
        }
    }

    @Test func depthFirstFindsAViolationButNotNecessarilyTheShortest() {
        let property = Property<Grid>.always("not-top") { $0.y < 2 ? .holds : .violated }
        let breadth = Checker(system: grid, properties: [property]).run()
        let depth = Checker(system: grid, properties: [property], options: SearchOptions(strategy: .depthFirst)).run()
        guard let shortest = breadth.verdict(named: "not-top")?.violation,
            let found = depth.verdict(named: "not-top")?.violation
        else {
            Issue.record("both searches should find the violation")
            return
        }
        #expect(shortest.steps.count == 2)
        #expect(found.steps.count >= shortest.steps.count)
        #expect(found.finalState.y == 2)
        #expect(depth.statistics.states == breadth.statistics.states)
    }

    @Test func holdsOnlyWhenNothingViolatesIt() {
        let property = Property<Grid>.always("inside") { $0.x < 4 && $0.y < 3 ? .holds : .violated }
        let outcome = Checker(system: grid, properties: [property]).run()
        guard outcome.verdict(named: "inside")?.verdict == .holds else {
            Issue.record("expected holds")
            return
        }
    }

    @Test func transitionPropertiesSeeTheStep() {
        let property = Property<Grid>.onEveryTransition("no-up-from-column-2") { from, move, _ in
            from.x == 2 && move == .up ? .violated : .holds
        }
        let outcome = Checker(system: grid, properties: [property]).run()
        guard let path = outcome.verdict(named: "no-up-from-column-2")?.violation else {
            Issue.record("expected a violation")
            return
        }
        #expect(path.actions == [.right, .right, .up])
    }

    @Test func deadlockIsAStuckStateThatIsNotFinished() {
        // A wall above and to the right of (1,0) leaves no move from there.
        let boxed = Grid(width: 3, height: 2, walls: [Grid.Cell(x: 2, y: 0), Grid.Cell(x: 1, y: 1)])
        let outcome = Checker(system: boxed, properties: [.noDeadlock("no-deadlock")]).run()
        guard let path = outcome.verdict(named: "no-deadlock")?.violation else {
            Issue.record("expected a deadlock")
            return
        }
        #expect(path.finalState == Grid.Cell(x: 1, y: 0))

        let open = Checker(system: grid, properties: [.noDeadlock("no-deadlock")]).run()
        guard open.verdict(named: "no-deadlock")?.verdict == .holds else {
            Issue.record("the finished corner is not a deadlock")
            return
        }
    }

    @Test func unknownJudgementsNeverBecomeHolds() {
        let property = Property<Grid>.always("undecided") { $0.x == 1 ? .unknown(reason: "solver gave up") : .holds }
        let outcome = Checker(system: grid, properties: [property]).run()
        guard let reason = outcome.verdict(named: "undecided")?.reason else {
            Issue.record("expected unknown")
            return
        }
        #expect(reason == "solver gave up")
    }

    @Test(arguments: [
        SearchOptions(maxStates: 5),
        SearchOptions(maxDepth: 2),
        SearchOptions(strategy: .depthFirst, maxStates: 5),
    ])
    func limitsTurnUndecidedVerdictsIntoUnknown(options: SearchOptions) {
        let property = Property<Grid>.always("anything") { _ in .holds }
        let outcome = Checker(system: grid, properties: [property], options: options).run()
        #expect(!outcome.isExhaustive)
        guard let reason = outcome.verdict(named: "anything")?.reason else {
            Issue.record("a limited search must not report holds")
            return
        }
        #expect(reason.contains("limit"))
        if let maxStates = options.maxStates { #expect(outcome.statistics.states <= maxStates) }
        if let maxDepth = options.maxDepth { #expect(outcome.statistics.maxDepth <= maxDepth) }
    }

    @Test func aViolationFoundWithinALimitStaysViolated() {
        let property = Property<Grid>.always("x<1") { $0.x < 1 ? .holds : .violated }
        let outcome = Checker(system: grid, properties: [property], options: SearchOptions(maxStates: 4)).run()
        guard outcome.verdict(named: "x<1")?.verdict == .violated else {
            Issue.record("expected the violation found before the limit")
            return
        }
    }

    @Test func exactStorageAgreesWithFingerprints() {
        let large = Grid(width: 40, height: 30)
        let fingerprints = Checker(system: large, properties: []).run()
        let exact = Checker(system: large, properties: [], options: SearchOptions(storage: .exact)).run()
        #expect(fingerprints.statistics.states == 1200)
        #expect(exact.statistics == SearchStatistics.comparable(fingerprints.statistics, secondsFrom: exact.statistics))
    }
}

extension SearchStatistics {
    /// `statistics` with the wall-clock time of `other`, so that only the counts are compared.
    static func comparable(_ statistics: SearchStatistics, secondsFrom other: SearchStatistics) -> SearchStatistics {
        var copy = statistics
        copy.seconds = other.seconds
        return copy
    }
}

@Suite struct ProgressTests {
    @Test func longSearchesReportTheirFiguresAsTheyGo() {
        let reports = Mutex<[SearchStatistics]>([])
        let options = SearchOptions(progressInterval: .zero, progress: { statistics in
            reports.withLock { $0.append(statistics) }
        })
        let outcome = Checker(system: Grid(width: 40, height: 30), properties: [], options: options).run()
        let seen = reports.withLock { $0 }
        #expect(!seen.isEmpty)
        #expect(seen.map(\.states) == seen.map(\.states).sorted())
        #expect(seen.allSatisfy { $0.states <= outcome.statistics.states && $0.transitions <= outcome.statistics.transitions })
    }
}
