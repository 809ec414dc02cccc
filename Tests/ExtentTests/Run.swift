@_spi(Search) import Explorer
@_spi(Search) import Extent
import Testing

/// One search of a scenario under one policy, as the tests look at it.
struct Run {
    var model: ExtentModel
    var oracle: SolverOracle?
    var outcome: SearchOutcome<ExtentState, ExtentAction>

    /// Explores `scenario` under `policy`, deciding `invariants` (the scenario's by default).
    init(
        _ scenario: Scenario, _ policy: Policy, invariants: [ExtentProperty]? = nil, usesShortcuts: Bool = true,
        storage: StateStorage = .fingerprints
    ) throws {
        oracle =
            scenario.data == .symbolic
            ? try SolverOracle(geometry: scenario.geometry, checksum: scenario.checksum, usesShortcuts: usesShortcuts)
            : nil
        model = try ExtentModel(scenario: scenario, policy: policy, oracle: oracle)
        outcome = Checker(
            system: model, properties: model.properties(for: invariants ?? scenario.invariants),
            options: SearchOptions(storage: storage)
        ).run()
    }

    /// Each invariant's verdict as `holds`, `violated` or `unknown`.
    var verdicts: [String: String] {
        Dictionary(
            uniqueKeysWithValues: outcome.verdicts.map { name, verdict in
                switch verdict.verdict {
                case .holds, .witnessed, .notViolated: (name, "holds")
                case .violated, .notWitnessed: (name, "violated")
                case .unknown: (name, "unknown")
                }
            })
    }

    /// The trace of the shortest violation of `property` in `scenario` under the built-in `policy`.
    static func trace(_ scenario: Scenario, _ policy: String, _ property: ExtentProperty) throws -> Trace {
        let run = try Run(scenario, Policy.builtIn(named: policy)!, invariants: [property])
        let path = try #require(run.path(violating: property))
        return try run.model.trace(of: path, for: property)
    }

    /// The counterexample path of a violated invariant.
    func path(violating invariant: ExtentProperty) -> Path<ExtentState, ExtentAction>? {
        let found = outcome.verdict(named: invariant.name)
        return found?.verdict == .violated ? found?.path : nil
    }
}

