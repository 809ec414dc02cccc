public import Extent

/// A scenario under one policy with concrete data, written as a Promela model that SPIN checks: a
/// second opinion on a verdict and a state count, from a checker that shares none of extentcheck's code.
///
/// ```swift
/// let model = try PromelaModel(scenario: scenario, policy: Policy.builtIn(named: "buffered-fallback")!, values: 2)
/// try model.text.write(toFile: "five-blocks.pml", atomically: true, encoding: .utf8)
/// ```
///
/// The model is one process whose loop offers every step of the contract as one `d_step` (or, for a
/// step with a choice, one `atomic` block), so that each of SPIN's states between steps is one state
/// of extentcheck's search, variable for variable: SPIN stores one more, the state before the initial
/// words are chosen. Each invariant is an assertion of the same name, checked where it can first fail
/// (the stored blocks' after the initial choice and every `complete`, a transition's in its step),
/// and `no-deadlock` an assertion that a state where no step can run has every writer finished.
public struct PromelaModel: Sendable {
    /// The scenario written.
    public let scenario: Scenario
    /// The policy it is written under.
    public let policy: Policy
    /// The number of values a word takes: `concrete:K`'s K.
    public let values: Int
    /// The invariants the model asserts, in the scenario's order.
    public let invariants: [ExtentProperty]

    /// Prepares `scenario` under `policy` with words taking the values `0..<values`, asserting the
    /// scenario's invariants, or those of them named in `invariants`.
    ///
    /// Throws `PromelaError` for what a Promela model of this shape cannot say.
    public init(scenario: Scenario, policy: Policy, values: Int, invariants names: [String]? = nil) throws(PromelaError) {
        guard (1...DataMode.maximumConcreteValues).contains(values) else { throw .values(values) }
        var invariants = scenario.invariants
        if let names {
            for name in names where !invariants.contains(where: { $0.name == name }) {
                throw .unknownInvariant(name, known: invariants.map(\.name))
            }
            invariants = invariants.filter { names.contains($0.name) }
        }
        for invariant in invariants where ExtentProperty.builtIn(named: invariant.name) != invariant {
            throw .notBuiltIn(invariant.name)
        }
        for actor in scenario.actors {
            if case .writer(let script) = actor.role, script.count >= Int(UInt8.max) {
                throw .scriptTooLong(actor.name)
            }
            if case .mutator(_, let budget) = actor.role, budget >= Int(UInt8.max) {
                throw .budgetTooLarge(actor.name)
            }
        }
        self.scenario = scenario
        self.policy = policy
        self.values = values
        self.invariants = invariants
    }

    /// The model's source text.
    public var text: String {
        var writer = PromelaWriter(model: self)
        writer.write()
        return writer.text
    }
}
