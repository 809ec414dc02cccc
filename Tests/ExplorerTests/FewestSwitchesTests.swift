@_spi(Search) import Explorer
import Testing

/// Two actors, `a` and `b`, each counting to 2. Which one the successors list first alternates with
/// the parity of the sum, so that the first shortest path a breadth-first search finds alternates too.
struct Counters: TransitionSystem {
    struct Counts: Hashable, StableHashable {
        var a: Int
        var b: Int
        func stableHash(into hasher: inout StableHasher) {
            hasher.combine(a)
            hasher.combine(b)
        }
    }

    func initialStates() -> [Counts] { [Counts(a: 0, b: 0)] }

    func successors(of counts: Counts, into successors: inout [(action: String, state: Counts)]) {
        var steps: [(action: String, state: Counts)] = []
        if counts.a < 2 { steps.append(("a", Counts(a: counts.a + 1, b: counts.b))) }
        if counts.b < 2 { steps.append(("b", Counts(a: counts.a, b: counts.b + 1))) }
        successors += (counts.a + counts.b).isMultiple(of: 2) ? steps.reversed() : steps
    }

    func isFinished(_ counts: Counts) -> Bool { counts.a == 2 && counts.b == 2 }
}

@Suite struct FewestSwitchesTests {
    let notBoth = Property<Counters>.always("not-both-2") { $0.a == 2 && $0.b == 2 ? .violated : .holds }

    private func path(_ verdict: PropertyOutcome<Counters.Counts, String>?) -> Path<Counters.Counts, String>? {
        verdict?.path
    }

    @Test func aPlainSearchKeepsTheFirstShortestPath() throws {
        let outcome = Checker(system: Counters(), properties: [notBoth]).run()
        let found = try #require(path(outcome.verdict(named: "not-both-2")))
        #expect(found.actions == ["b", "a", "b", "a"])
    }

    @Test func withActorsTheShortestPathSwitchesLeast() throws {
        let checker = Checker(system: Counters(), properties: [notBoth])
        let found = try #require(path(checker.fewestSwitches(in: checker.run(), actor: { $0 }).verdict(named: "not-both-2")))
        #expect(found.steps.count == 4)
        #expect(found.contextSwitches(actor: { $0 }) == 1)
        #expect(found.finalState == Counters.Counts(a: 2, b: 2))
        // The choice is a function of the system: the same path every run.
        let again = checker.fewestSwitches(in: checker.run(), actor: { $0 })
        #expect(try #require(path(again.verdict(named: "not-both-2"))).actions == found.actions)
        // Its states are the ones its steps lead to.
        var state = found.initialState
        for (action, next) in found.steps {
            state = action == "a" ? .init(a: state.a + 1, b: state.b) : .init(a: state.a, b: state.b + 1)
            #expect(state == next)
        }
    }

    @Test func transitionAndExampleDiscoveriesSwitchLeastToo() throws {
        let intoBoth = Property<Counters>.onEveryTransition("no-step-into-2-2") { _, _, after in
            after.a == 2 && after.b == 2 ? .violated : .holds
        }
        let reaches = Property<Counters>.sometimes("reaches-2-2") { $0.a == 2 && $0.b == 2 ? .holds : .violated }
        let checker = Checker(system: Counters(), properties: [intoBoth, reaches])
        let outcome = checker.fewestSwitches(in: checker.run(), actor: { $0 })
        for name in ["no-step-into-2-2", "reaches-2-2"] {
            let found = try #require(path(outcome.verdict(named: name)))
            #expect(found.steps.count == 4, "\(name)")
            #expect(found.contextSwitches(actor: { $0 }) == 1, "\(name)")
        }
    }

    @Test func depthFirstSearchIsLeftAsItIs() throws {
        let checker = Checker(system: Counters(), properties: [notBoth], options: SearchOptions(strategy: .depthFirst))
        let outcome = checker.run()
        #expect(
            try #require(path(checker.fewestSwitches(in: outcome, actor: { $0 }).verdict(named: "not-both-2"))).actions
                == (try #require(path(outcome.verdict(named: "not-both-2")))).actions)
    }
}

extension FewestSwitchesTests {
    @Test func aSearchBeyondItsLimitKeepsThePathFound() throws {
        let checker = Checker(system: Counters(), properties: [notBoth])
        let outcome = checker.run()
        let kept = checker.fewestSwitches(in: outcome, actor: { $0 }, limit: 3)
        #expect(try #require(path(kept.verdict(named: "not-both-2"))).actions == ["b", "a", "b", "a"])
    }
}
