public import Explorer

extension ExtentModel {
    /// The explorer's properties for `properties`; symbolic data needs an `oracle` to decide
    /// comparisons of terms, concrete data compares values.
    public func properties(for properties: [ExtentProperty], oracle: SolverOracle?) -> [Property<ExtentModel>] {
        let decider = TermDecider(oracle: oracle, renderer: namesRenderer)
        return properties.map { property in
            switch (property.kind, property.judge) {
            case (.sometimes, .state(let judge)):
                // The explorer asks whether the state is an example: `.holds` where it is.
                return .sometimes(property.name) { state in
                    Self.judgement(reportsExample: true) { try judge(StateView(self, state, decider: decider)) }
                }
            case (_, .state(let judge)):
                return .always(property.name) { state in
                    Self.judgement(reportsExample: false) { try judge(StateView(self, state, decider: decider)) }
                }
            case (_, .transition(let judge)):
                return .alwaysOnTransition(property.name) { before, action, after in
                    Self.judgement(reportsExample: false) {
                        try judge(
                            StateView(self, before, decider: decider), StepView(model: self, action: action, before: before),
                            StateView(self, after, decider: decider))
                    }
                }
            case (_, .noDeadlock):
                return .noDeadlock(property.name)
            }
        }
    }

    /// The explorer's judgement for what a property's judge said: a sentence is a violation, or
    /// where the property looks for examples, an example.
    private static func judgement(reportsExample: Bool, _ judge: () throws -> String?) -> Judgement {
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
