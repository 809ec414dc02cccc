@_spi(Search) internal import Explorer

/// A path of the model run once more, step by step, with one name per fresh variable for the whole
/// run (the search renames them at every state): the states and actions that a trace shows, a
/// replay checks and an explanation asks where each part came from.
struct ReplayedPath {
    /// The model the path runs on.
    let model: ExtentModel
    /// The initial state, then the state after each action: `states[i]` is the state after step `i`.
    private(set) var states: [ExtentState]
    /// The actions taken, in order.
    private(set) var actions: [ExtentAction]
    /// The name the next fresh variable takes: one past every name the path has used.
    private var nextFresh: UInt32

    /// A path at `initial` that has taken no step yet.
    init(model: ExtentModel, from initial: ExtentState) {
        self.model = model
        states = [initial]
        actions = []
        let layout = model.layout
        nextFresh = (layout.wordBase..<layout.count).map { initial[$0] }
            .filter { $0 != StateLayout.none }.max().map { $0 + 1 } ?? 0
    }

    /// `path` run again: every step reaches the state the search reached, up to the names of variables.
    init(model: ExtentModel, replaying path: Path<ExtentState, ExtentAction>) {
        self.init(model: model, from: path.initialState)
        for (action, explored) in path.steps {
            take(action)
            precondition(model.canonical(final) == explored, "a replayed step reached another state than the search")
        }
    }

    /// Takes `action` from the last state; a fresh word it writes gets the next name.
    mutating func take(_ action: ExtentAction) {
        states.append(model.step(action, from: final, fresh: nextFresh))
        actions.append(action)
        if case .mutate(_, _, nil) = action { nextFresh += 1 }
    }

    /// The last state.
    var final: ExtentState { states[states.count - 1] }

    /// The state after step `step`, as `decider` shows and decides it; 0 is the initial state.
    func view(after step: Int, decider: TermDecider) -> StateView { StateView(states[step], decider: decider) }
}
