import Explorer
import Extent
import Testing

@Test func smoke() throws {
    for scenario in [Scenarios.qemuCacheNone(), Scenarios.qemuCacheNone(mirrors: 2), Scenarios.mmapDuringWriteback(), Scenarios.qemuCacheNone(data: .concrete(2))] {
        for policy in Policy.builtIn {
            let model = ExtentModel(scenario: scenario, policy: policy)
            let oracle = try SolverOracle(geometry: scenario.geometry, checksum: scenario.checksum)
            let outcome = Checker(system: model, properties: model.properties(for: Invariant.allCases, oracle: scenario.data == .symbolic ? oracle : nil)).run()
            let verdicts = outcome.verdicts.map { v -> String in
                switch v.verdict {
                case .holds: "\(v.name)=holds"
                case .violated(let p): "\(v.name)=violated(\(p.steps.count))"
                case .unknown(let r): "\(v.name)=unknown(\(r))"
                }
            }
            print(scenario.name, scenario.geometry.mirrors, scenario.data, policy.name, outcome.statistics.states, outcome.statistics.transitions, verdicts.joined(separator: " "), oracle.statistics.calls)
        }
    }
}
