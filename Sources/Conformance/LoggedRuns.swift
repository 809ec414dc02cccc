internal import Foundation
@_spi(Search) internal import Extent

/// A log's runs of the model, each `(slot, pass)` with its events in the log's order, read in the
/// model's terms.
struct LoggedRuns {
    /// One run: where it is in the reproducer's file, and its events, each with the logged event
    /// it comes from and when it happened.
    struct Run {
        var slot: Int
        var pass: Int
        var logged: [LoggedEvent] = []
        var events: [ObservedEvent] = []
        var times: [UInt64] = []

        /// Appends `event`, read as `observed`. A change logged with its start is two events: its
        /// start, placed before every event of the run at or after that time, and its end here.
        mutating func append(_ event: LoggedEvent, as observed: ObservedEvent) {
            guard let since = event.since, case .mutate(let mutator, let location) = observed else {
                insert(event, as: observed, at: events.count, time: event.time)
                return
            }
            let start = times.firstIndex { $0 >= since } ?? events.count
            insert(event, as: .mutationStarted(mutator: mutator, location: location), at: start, time: since)
            insert(event, as: .mutationEnded(mutator: mutator, location: location), at: events.count, time: event.time)
        }

        private mutating func insert(_ event: LoggedEvent, as observed: ObservedEvent, at index: Int, time: UInt64) {
            logged.insert(event, at: index)
            events.insert(observed, at: index)
            times.insert(time, at: index)
        }
    }

    let scenario: Scenario
    let runs: [Run]

    init(_ log: EventLog, scenario: Scenario) throws(EventLogError) {
        let resolver = EventResolver(scenario: scenario, path: log.path)
        var runs: [Run] = []
        var index: [[Int]: Int] = [:]
        for event in log.events {
            let key = [event.slot, event.pass]
            let run = index[key] ?? runs.count
            if run == runs.count {
                index[key] = run
                runs.append(Run(slot: event.slot, pass: event.pass))
            }
            runs[run].append(event, as: try resolver.resolve(event))
        }
        self.scenario = scenario
        self.runs = runs
    }

    /// Whether `policy` admits every run; runs with the same events are searched once when `reusingRuns`.
    func check(under policy: Policy, observing observed: Set<EventKind>, reusingRuns: Bool = true) throws -> PolicyConformance {
        let started = Date()
        let oracle = scenario.data == .symbolic ? try SolverOracle(geometry: scenario.geometry, checksum: scenario.checksum) : nil
        var searched: [[ObservedEvent]: RunConformance] = [:]
        var searches = 0
        var refusal: PolicyConformance.Refusal?
        for run in runs {
            let conformance: RunConformance
            if reusingRuns, let known = searched[run.events] {
                conformance = known
            } else {
                let model = try ExtentModel(scenario: scenario(for: run.events, observing: observed), policy: policy, oracle: oracle)
                conformance = model.conformance(of: run.events, observing: observed)
                searched[run.events] = conformance
                searches += 1
            }
            if case .refused(let event, let steps, let state, let enabled) = conformance {
                let logged = run.logged[event]
                refusal = PolicyConformance.Refusal(
                    line: logged.line, event: logged.kind, actor: logged.actor, slot: run.slot, pass: run.pass, matched: event,
                    steps: steps, state: state, enabled: enabled)
                break
            }
        }
        return PolicyConformance(
            policy: policy.name, admits: refusal == nil, runsSearched: searches, refusal: refusal,
            seconds: Date().timeIntervalSince(started))
    }

    /// The model's scenario for one run: a mutator's budget is its `mutate` events in the run when
    /// the log observes them (at least 1, which an observed step without an event never spends), and
    /// the crashes are the run's `crash` events.
    private func scenario(for events: [ObservedEvent], observing observed: Set<EventKind>) -> Scenario {
        var scenario = scenario
        var mutator = 0
        for (index, actor) in scenario.actors.enumerated() {
            guard case .mutator(let target, _) = actor.role else { continue }
            if observed.contains(.mutate) {
                let changes = events.filter { event in
                    switch event {
                    case .mutate(mutator, _), .mutationStarted(mutator, _): true
                    default: false
                    }
                }.count
                scenario.actors[index].role = .mutator(target: target, budget: min(max(changes, 1), Scenario.Actor.maximumBudget))
            }
            mutator += 1
        }
        scenario.crashes = min(events.filter { $0 == .crash }.count, Scenario.maximumCrashes)
        return scenario
    }
}
