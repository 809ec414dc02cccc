@_spi(Search) import Explorer
import Foundation
import Testing

/// A timeout ends a search when it is due, even when one level, one segment of it, takes far longer.
@Suite struct TimeoutTests {
    /// A start that fans out to `width` states, each taking `cost` to expand and leading nowhere: one
    /// level, and one segment of it, that takes `width` × `cost` to expand.
    struct SlowFan: TransitionSystem {
        struct Node: Hashable, StableHashable {
            var number: Int
            func stableHash(into hasher: inout StableHasher) { hasher.combine(number) }
        }

        var width: Int
        var cost: Double

        func initialStates() -> [Node] { [Node(number: 0)] }

        func successors(of state: Node, into successors: inout [(action: Int, state: Node)]) {
            guard state.number == 0 else {
                Thread.sleep(forTimeInterval: cost)
                return
            }
            for next in 1...width { successors.append((next, Node(number: next))) }
        }

        func isFinished(_ state: Node) -> Bool { true }
    }

    @Test("a level expanded in one segment stops at the timeout", arguments: [0, 1])
    func timeoutInsideASegment(helpers: Int) {
        let fan = SlowFan(width: 2_000, cost: 0.005)
        let options = SearchOptions(timeout: .milliseconds(200))
        let checker = Checker(system: fan, properties: [.always("small") { $0.number < 5_000 ? .holds : .violated }], options: options)
        let start = ContinuousClock().now
        let outcome = checker.run(helpers: Array(repeating: checker, count: helpers))
        let elapsed = ContinuousClock().now - start
        // The level takes 10 s; a check of the clock every few states ends it well before.
        #expect(elapsed < .seconds(3), "\(elapsed)")
        #expect(outcome.limit == .timeout(.milliseconds(200)))
        guard outcome.verdicts[0].verdict.verdict == .unknown else {
            Issue.record("a search cut short proves nothing, yet it says \(outcome.verdicts[0].verdict)")
            return
        }
    }

    @Test("a depth-first search stops at the timeout within a few states")
    func depthFirstTimeout() {
        let fan = SlowFan(width: 2_000, cost: 0.01)
        let options = SearchOptions(strategy: .depthFirst, timeout: .milliseconds(200))
        let checker = Checker(system: fan, properties: [.always("small") { $0.number < 5_000 ? .holds : .violated }], options: options)
        let start = ContinuousClock().now
        let outcome = checker.run()
        // Clock checks 256 states apart would take 2.56 s here.
        #expect(ContinuousClock().now - start < .milliseconds(1_500))
        #expect(outcome.limit == .timeout(.milliseconds(200)))
    }
}
