/// A mutator in one state: what it changes and how many changes it has left.
public struct MutatorView {
    let view: StateView
    /// The mutator's index among the scenario's mutators.
    public let index: Int

    /// The mutator's name, as the scenario gives it.
    public var name: String { view.model.mutators[index].name }
    /// What the mutator changes.
    public var target: MutationTarget { view.model.mutators[index].target }
    /// How many more words the mutator may change.
    public var budgetLeft: Int { Int(view.state[view.layout.budget(index)]) }
}
