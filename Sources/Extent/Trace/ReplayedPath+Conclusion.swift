extension ReplayedPath {
    /// What `property` says at the end of the path, as `decider` shows terms: of the last state, or
    /// of the last step; nil where it finds nothing there.
    func conclusion(of property: ExtentProperty, decider: TermDecider) -> String? {
        switch property.judge {
        case .state(let judge):
            let view = StateView(final, decider: decider)
            return (try? decider.firstPossible(try judge(view)) { view.conditions })?.sentence()
        case .transition(let kinds, let judge):
            guard let action = actions.last, kinds.contains(model.kind(of: action)) else { return nil }
            let before = states[states.count - 2]
            let step = StepView(action: action, before: before, successor: final, decider: decider)
            let findings = { try judge(StateView(before, decider: decider), step) }
            return (try? decider.firstPossible(try findings()) { step.after.conditions })?.sentence()
        case .noDeadlock:
            return deadlock()
        }
    }

    /// "no step can run, yet … has not finished its script", where that is so of the last state.
    private func deadlock() -> String? {
        var enabled = false
        model.forEachEnabledAction(in: final) { _ in enabled = true }
        let writers = model.writers
        let stuck = writers.indices.filter { model.position(of: $0, in: final).step < writers[$0].script.count }
        guard !enabled, !stuck.isEmpty else { return nil }
        let names = stuck.map { writers[$0].name }.joined(separator: ", ")
        return "no step can run, yet \(names) has not finished its script"
    }
}
