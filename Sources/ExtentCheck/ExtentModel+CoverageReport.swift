@_spi(Search) internal import Explorer
@_spi(Search) internal import Extent

extension ExtentModel {
    /// The coverage report of `counts`, what a search of this model counted per step: a row for
    /// every step taken, and every step the model could take but did not, as never enabled.
    func coverageReport(of counts: [StepCoverageKey: StepCoverage]) -> CoverageReport {
        CoverageReport(
            steps: counts.keys.sorted().map { key in
                CoverageReport.Row(step: step(key), transitions: counts[key]!.transitions, states: counts[key]!.states)
            },
            neverEnabled: possibleSteps.filter { counts[$0] == nil }.map(step))
    }

    /// A key in the words of traces.
    private func step(_ key: StepCoverageKey) -> CoverageReport.Step {
        let canFail = key.kind == .complete || key.kind == .check
        return CoverageReport.Step(kind: key.kind, fails: canFail ? key.fails : nil, actor: name(of: key.actor))
    }
}
