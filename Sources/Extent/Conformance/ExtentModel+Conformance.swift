@_spi(Search) import Explorer

extension ExtentModel {
    /// Whether `events`, one run of this model as a log recorded it, is a behaviour of the model: some
    /// path from an initial state takes, in order, a step for every step event and passes a state
    /// where every fact holds, taking the steps of kinds not in `observed` freely in between.
    ///
    /// Build the model without reductions: a reduced search leaves out orders a log may show.
    package func conformance(of events: [ObservedEvent], observing observed: Set<EventKind>) -> RunConformance {
        let observer = ExtentRunObserver(system: self, observed: observed)
        switch ObservedRunSearch(observer: observer).run(events) {
        case .admitted(let path):
            return .admitted(steps: describe(path))
        case .refused(let event, let path, let enabled):
            return .refused(
                event: event, steps: describe(path), state: summary(of: path.finalState),
                enabled: enabled.map { describe($0, in: path.finalState) })
        }
    }

    /// Every step of `path`, as traces write them.
    private func describe(_ path: Path<ExtentState, ExtentAction>) -> [String] {
        var state = path.initialState
        return path.steps.map { step in
            defer { state = step.state }
            return describe(step.action, in: state)
        }
    }
}
