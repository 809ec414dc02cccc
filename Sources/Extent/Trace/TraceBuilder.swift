/// The trace of a property along a replayed path: its values, lines, steps, conclusion,
/// explanation and snapshots.
///
/// In symbolic mode the property is judged again at the end of the path; the condition of the
/// finding it reports is what the values must exhibit, and Z3 picks values under which it holds.
/// The property's own sentence, judged once more with those values shown, is the trace's last line.
struct TraceBuilder {
    /// The path the trace shows.
    let path: ReplayedPath
    /// The property the trace is of.
    let property: ExtentProperty

    private var model: ExtentModel { path.model }

    /// The trace, words shown as values Z3 chose for the finding (symbolic mode) or as they are (concrete mode).
    func trace() throws -> Trace {
        let recorder = TermDecider(model: model, renderer: model.namesRenderer, recording: true)
        _ = path.conclusion(of: property, decider: recorder)
        let rendering = try rendering(exhibiting: recorder.exhibited)
        let shown = TermDecider(model: model, renderer: rendering.terms)
        let lines = path.states.indices.map { StatePart.lines(of: path.view(after: $0, decider: shown)) }
        return Trace(
            initial: lines[0].map { Trace.Change(what: $0.what, before: nil, after: $0.value) },
            steps: path.actions.indices.map { step($0 + 1, lines: lines) },
            conclusion: path.conclusion(of: property, decider: shown) ?? property.meaning,
            explanation: TraceExplanation(path: path, decider: shown).lines(explaining: property),
            states: path.states.indices.map { StateSnapshot.of(path.view(after: $0, decider: shown), rendering) })
    }

    /// Values for every variable of the path under which `exhibited` holds, and the checksums of
    /// every summed list, including both sides of every checksum comparison.
    private func rendering(exhibiting exhibited: Condition.Formula?) throws -> TraceRendering {
        guard let oracle = model.oracle else { return .values }
        let witness = try path.witness(by: oracle, exhibiting: exhibited)
        return path.rendering(values: witness?.values ?? [:], sums: witness?.checksums ?? [:])
    }

    /// Step `number` of the trace, with what it changed in `lines`, the lines of each state.
    private func step(_ number: Int, lines: [[(what: String, value: String)]]) -> Trace.Step {
        let (action, before) = (path.actions[number - 1], path.states[number - 1])
        return Trace.Step(
            number: number, actor: model.actor(of: action), step: model.describe(action, in: before),
            action: model.traceAction(of: action, in: before), changes: Self.changes(from: lines[number - 1], to: lines[number]))
    }

    /// The parts whose value differs between two states' lines, in the order of the later; then the
    /// parts that are gone.
    private static func changes(
        from before: [(what: String, value: String)], to after: [(what: String, value: String)]
    ) -> [Trace.Change] {
        let old = Dictionary(before.map { ($0.what, $0.value) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.what, $0.value) }, uniquingKeysWith: { first, _ in first })
        var changes: [Trace.Change] = []
        for (what, value) in after where old[what] != value {
            changes.append(Trace.Change(what: what, before: old[what], after: value))
        }
        // A part that goes takes its sub-parts with it: `bio qemu` gone says all of `bio qemu csum ...`.
        let gone = before.filter { new[$0.what] == nil }
        for (what, value) in gone where !gone.contains(where: { what.hasPrefix($0.what + " ") }) {
            changes.append(Trace.Change(what: what, before: value, after: nil))
        }
        return changes
    }
}
