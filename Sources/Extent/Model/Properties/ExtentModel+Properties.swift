@_spi(Search) package import Explorer

extension ExtentModel {
    /// The explorer's properties for `properties`: the model's oracle decides comparisons of symbolic
    /// terms, concrete data compares values.
    package func properties(for properties: [ExtentProperty]) -> [Property<ExtentModel>] {
        let decider = TermDecider(model: self, renderer: namesRenderer)
        return properties.map { property in
            if let judge = concreteJudge(of: property) { return judge }
            switch (property.kind, property.judge) {
            case (.sometimes, .state(let judge)):
                // The explorer asks whether the state is an example: `.holds` where it is.
                return .sometimes(property.name) { state in
                    Self.judgement(reportsExample: true) {
                        let view = StateView(state, decider: decider)
                        return try decider.firstPossible(try judge(view)) { view.conditions }
                    }
                }
            case (_, .state(let judge)):
                return .always(property.name) { state in
                    Self.judgement(reportsExample: false) {
                        let view = StateView(state, decider: decider)
                        return try decider.firstPossible(try judge(view)) { view.conditions }
                    }
                }
            case (_, .transition(let kinds, let judge)):
                // Most steps are of no kind the property judges: tell them apart before building any view.
                return .onEveryTransition(property.name) { before, action, _ in
                    kinds.admits(action, in: self) ? judgeStep(before, action, with: judge, decider: decider) : .holds
                }
            case (_, .noDeadlock):
                return .noDeadlock(property.name)
            }
        }
    }

    /// How views show terms while the search runs: by value in concrete mode, by name in symbolic mode.
    var namesRenderer: TermRenderer { concreteValues == nil ? .names : .values }

    /// The judgement of a transition property on the step `action` from `before`. Its findings are
    /// decided with the path condition of the state the step leads to, which includes what the step
    /// assumed.
    @inline(never)
    private func judgeStep(
        _ before: ExtentState, _ action: ExtentAction, with judge: (StateView, StepView) throws -> [Finding],
        decider: TermDecider
    ) -> Judgement {
        Self.judgement(reportsExample: false) {
            let step = StepView(action: action, before: before, successor: nil, decider: decider)
            return try decider.firstPossible(try judge(StateView(before, decider: decider), step)) { step.after.conditions }
        }
    }

    /// The explorer's judgement for the finding a property's judge reported: a finding is a violation,
    /// or where the property looks for examples, an example.
    private static func judgement(reportsExample: Bool, _ judge: () throws -> Finding?) -> Judgement {
        do {
            let found = try judge() != nil
            return found == reportsExample ? .holds : .violated
        } catch let error as UndecidedComparison {
            return .unknown(reason: error.reason)
        } catch {
            return .unknown(reason: "the property failed: \(error)")
        }
    }
}
