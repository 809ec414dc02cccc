/// Runs a recorded trace again on a model, step by step: each step must be enabled where the trace
/// takes it, each state must be the trace's (with the trace's values for the words, and checksums
/// recomputed from them), and the last must violate the property with those values.
///
/// Steps are matched by their recorded action (`ExtentModel.traceAction(of:in:)`), never by their
/// text, and numbered by their place in the trace.
struct TraceReplayer {
    /// Where and why the trace leaves the model: step 0 is the initial state.
    struct Divergence: Error {
        var step: Int
        var reason: String
    }

    /// The model the trace runs on.
    let model: ExtentModel
    /// The trace run again.
    let trace: Trace
    /// The property the trace is of.
    let property: ExtentProperty

    /// How the trace fares. Throws only when Z3 fails; a trace that does not fit the model is a `.diverged`.
    func replay() throws -> TraceReplay {
        do {
            let path = try rerun()
            let (rendering, values) = try recordedValues(along: path)
            for index in path.states.indices {
                let replayed = StateSnapshot.of(path.view(after: index, decider: decider(rendering)), rendering)
                if replayed != trace.states[index] {
                    throw Divergence(step: index, reason: "the state differs: " + difference(replayed, trace.states[index]))
                }
            }
            return .reproduced(steps: trace.steps.count, conclusion: try conclusion(of: path, rendering, values: values))
        } catch let divergence as Divergence {
            return .diverged(step: divergence.step, reason: divergence.reason)
        }
    }

    /// The trace's steps taken again from the initial state the trace starts in, each matched
    /// among the enabled ones by its recorded action.
    private func rerun() throws(Divergence) -> ReplayedPath {
        guard trace.states.count == trace.steps.count + 1 else {
            throw Divergence(
                step: 0, reason: "the trace has \(trace.states.count) states for \(trace.steps.count) steps; it needs one more "
                    + "state than steps (the initial one)")
        }
        guard let initial = initialState(matching: trace.states[0]) else {
            let view = StateView(model.initialStates()[0], decider: decider(.searching(model)))
            let expected = StateSnapshot.of(view, .searching(model))
            throw Divergence(step: 0, reason: "no initial state of the model is the trace's: " + difference(expected, trace.states[0]))
        }
        var path = ReplayedPath(model: model, from: initial)
        for (number, step) in zip(1..., trace.steps) {
            var enabled: [ExtentAction] = []
            model.forEachEnabledAction(in: path.final) { enabled.append($0) }
            guard let action = enabled.first(where: { model.traceAction(of: $0, in: path.final) == step.action }) else {
                let names = enabled.map { model.traceAction(of: $0, in: path.final) }.map { "\($0.actor) `\($0)`" }
                throw Divergence(
                    step: number, reason: "\(step.action.actor) `\(step.action)` is not enabled here; enabled are "
                        + (names.isEmpty ? "none" : names.joined(separator: ", ")))
            }
            path.take(action)
        }
        return path
    }

    /// The initial state whose snapshot is `recorded`: in symbolic mode the one initial state, whose
    /// values are checked later; in concrete mode the one with the recorded values.
    private func initialState(matching recorded: [String: TraceValue]) -> ExtentState? {
        let candidates = model.initialStates()
        guard model.concreteValues != nil else { return candidates.first }
        return candidates.first { StateSnapshot.of(StateView($0, decider: decider(.values)), .values) == recorded }
    }

    /// How `path`'s states show their words with the trace's values, and those values: concrete words
    /// are their values; symbolic ones take the trace's values, read where each word appears and the
    /// same everywhere, with checksums recomputed.
    private func recordedValues(along path: ReplayedPath) throws -> (rendering: TraceRendering, values: [UInt32: UInt64]) {
        guard let oracle = model.oracle else { return (.values, [:]) }
        var appearances: [UInt32: [Appearance]] = [:]
        for index in path.states.indices {
            let names = StateSnapshot.of(path.view(after: index, decider: decider(.names)), .names)
            if let problem = collect(names, trace.states[index], step: index, into: &appearances) {
                throw Divergence(step: index, reason: "the state differs: " + problem)
            }
        }
        var values: [UInt32: UInt64] = [:]
        if let (step, reason) = oddValueOut(appearances, into: &values) {
            throw Divergence(step: step, reason: "the state differs: " + reason)
        }
        guard let witness = try path.witness(by: oracle, exhibiting: nil, given: values) else {
            throw Divergence(
                step: trace.steps.count,
                reason: "the trace's values contradict the outcome of a check on the way (a verify or a device's guard)")
        }
        return (path.rendering(values: values, sums: witness.checksums), values)
    }

    /// The property's sentence on the last state, with the trace's `values` shown: the property must
    /// find there what it finds, and in symbolic mode, with those values.
    private func conclusion(
        of path: ReplayedPath, _ rendering: TraceRendering, values: [UInt32: UInt64]
    ) throws -> String {
        let recorder = TermDecider(model: model, renderer: model.namesRenderer, recording: true)
        let notFound = property.kind == .sometimes ? "is not an example of" : "does not violate"
        guard path.conclusion(of: property, decider: recorder) != nil else {
            throw Divergence(step: trace.steps.count, reason: "the replayed trace \(notFound) \(property.name) here")
        }
        var shown = rendering
        if let oracle = model.oracle {
            // What the property found is possible: do the trace's values make it real?
            guard let exhibited = try path.witness(by: oracle, exhibiting: recorder.exhibited, given: values) else {
                throw Divergence(
                    step: trace.steps.count, reason: "with the trace's values the last state \(notFound) \(property.name)")
            }
            shown = path.rendering(values: values, sums: exhibited.checksums)
        }
        return path.conclusion(of: property, decider: decider(shown)) ?? property.meaning
    }

    /// A decider that shows terms as `rendering` does.
    private func decider(_ rendering: TraceRendering) -> TermDecider {
        TermDecider(model: model, renderer: rendering.terms)
    }
}
