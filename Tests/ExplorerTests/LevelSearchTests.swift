@_spi(Search) import Explorer
import Testing

/// A breadth-first search on several threads gives the outcome of the search on one: the same
/// counts, verdicts and paths, under every limit that does not depend on time.
@Suite struct LevelSearchTests {
    /// A grid with walls: dead ends (deadlocks), and many paths to most cells.
    let grid = Grid(
        width: 40, height: 30,
        walls: Set((0..<200).map { Grid.Cell(x: ($0 * 37) % 40, y: 1 + ($0 * 11) % 29) }).subtracting([Grid.Cell(x: 39, y: 29)]))

    var properties: [Property<Grid>] {
        [
            .always("x+y<45") { $0.x + $0.y < 45 ? .holds : .violated },
            .onEveryTransition("no-up-at-x=17") { _, move, next in move == .up && next.x == 17 ? .violated : .holds },
            .sometimes("reaches-x=30") { $0.x == 30 ? .holds : .violated },
            .noDeadlock("no-dead-end"),
            .always("never-judged-violated") { $0.y < 100 ? .holds : .violated },
        ]
    }

    /// Everything an outcome says but its time.
    private func summary(_ outcome: SearchOutcome<Grid.Cell, Grid.Move>) -> String {
        var statistics = outcome.statistics
        statistics.seconds = 0
        let verdicts = outcome.verdicts.map { name, verdict in
            guard let path = verdict.path else { return "\(name): \(verdict.verdict), \(verdict.reason ?? "")" }
            return "\(name): \(verdict.verdict) \(path.initialState) \(path.steps.map { "\($0.action) \($0.state)" })"
        }
        return "\(statistics) \(String(describing: outcome.limit)) \(verdicts)"
    }

    @Test(arguments: [nil, 500, 1_000] as [Int?], [nil, 12, 40] as [Int?])
    func severalThreadsFindWhatOneFinds(maxStates: Int?, maxDepth: Int?) {
        let one = Checker(system: grid, properties: properties, options: SearchOptions(maxStates: maxStates, maxDepth: maxDepth)).run()
        // Every property is decided somewhere, so the comparison covers every kind of finding.
        if maxStates == nil, maxDepth == nil {
            #expect(one.verdicts.map(\.verdict).filter { $0.verdict != .holds }.count == 4)
        }
        for segmentSize in [1, 7, 2048] {
            for helpers in [1, 3] {
                let checker = Checker(
                    system: grid, properties: properties,
                    options: SearchOptions(maxStates: maxStates, maxDepth: maxDepth, segmentSize: segmentSize))
                let many = checker.run(helpers: Array(repeating: checker, count: helpers))
                #expect(summary(many) == summary(one), "segments of \(segmentSize), \(helpers + 1) threads")
            }
        }
    }

    @Test func exactStorageOnSeveralThreadsFindsWhatFingerprintsFindOnOne() {
        let one = Checker(system: grid, properties: properties).run()
        let checker = Checker(system: grid, properties: properties, options: SearchOptions(storage: .exact, segmentSize: 5))
        #expect(summary(checker.run(helpers: [checker])) == summary(one))
    }
}
