internal import Explorer

/// How a recorded trace fares when it is run again on a model.
public enum TraceReplay: Hashable, Sendable {
    /// Every step ran as recorded and reached the recorded state, and the last state (or step)
    /// violates the property, or for a `sometimes` property is its example, with the trace's values;
    /// `conclusion` is the property's sentence on it, with those values.
    case reproduced(steps: Int, conclusion: String)
    /// The trace leaves the model at step `step` (0: the initial state), for `reason`.
    case diverged(step: Int, reason: String)
}

extension ExtentModel {
    /// Runs `trace` again, step by step: each step must be enabled where the trace takes it, each
    /// state must be the trace's (with the trace's values for the words, and checksums recomputed from
    /// them), and the last must violate `property` with those values.
    ///
    /// Steps are matched by their recorded action (`traceAction(of:in:)`), never by their text, and
    /// numbered by their place in the trace. Throws only when Z3 fails; a trace that does not fit the
    /// model is a `.diverged`.
    public func replay(_ trace: Trace, for property: ExtentProperty) throws -> TraceReplay {
        guard trace.states.count == trace.steps.count + 1 else {
            return .diverged(
                step: 0, reason: "the trace has \(trace.states.count) states for \(trace.steps.count) steps; it needs one more "
                    + "state than steps (the initial one)")
        }
        guard let initial = initialState(matching: trace.states[0]) else {
            let expected = snapshot(of: initialStates()[0], namesRenderer)
            return .diverged(step: 0, reason: "no initial state of the model is the trace's: " + difference(expected, trace.states[0]))
        }

        var states = [initial]
        var actions: [ExtentAction] = []
        var nextFresh = (layout.wordBase..<layout.count).map { initial[$0] }
            .filter { $0 != StateLayout.none }.max().map { $0 + 1 } ?? 0
        for (number, step) in zip(1..., trace.steps) {
            let state = states[states.count - 1]
            var enabled: [ExtentAction] = []
            forEachEnabledAction(in: state) { enabled.append($0) }
            guard let action = enabled.first(where: { traceAction(of: $0, in: state) == step.action }) else {
                let names = enabled.map { traceAction(of: $0, in: state) }.map { "\($0.actor) `\($0)`" }
                return .diverged(
                    step: number, reason: "\(step.action.actor) `\(step.action)` is not enabled here; enabled are "
                        + (names.isEmpty ? "none" : names.joined(separator: ", ")))
            }
            states.append(self.step(action, from: state, fresh: nextFresh))
            actions.append(action)
            if case .mutate(_, _, nil) = action { nextFresh += 1 }
        }

        // Every state as the trace has it: concrete words are their values; symbolic ones take the
        // trace's values, read where each word appears and the same everywhere, checksums recomputed.
        let render: Renderer
        var values: [UInt32: UInt64] = [:]
        if let oracle {
            var appearances: [UInt32: [Appearance]] = [:]
            for (index, state) in states.enumerated() {
                if let problem = collect(snapshot(of: state, .names), trace.states[index], step: index, into: &appearances) {
                    return .diverged(step: index, reason: "the state differs: " + problem)
                }
            }
            if let (step, reason) = oddValueOut(appearances, into: &values) {
                return .diverged(step: step, reason: "the state differs: " + reason)
            }
            let (variables, checksummed) = witnessed(in: states, exhibiting: nil)
            guard
                let witness = try oracle.witness(
                    variables: variables, exhibiting: nil, conditions: pathCondition(of: states[states.count - 1]),
                    checksummed: checksummed, given: values)
            else {
                return .diverged(
                    step: trace.steps.count,
                    reason: "the trace's values contradict the outcome of a check on the way (a verify or a device's guard)")
            }
            render = renderer(values: values, sums: witness.checksums)
        } else {
            render = .values
        }
        for (index, state) in states.enumerated() {
            let replayed = snapshot(of: state, render)
            if replayed != trace.states[index] {
                return .diverged(step: index, reason: "the state differs: " + difference(replayed, trace.states[index]))
            }
        }

        let path = Path(
            initialState: canonical(initial), steps: zip(actions, states.dropFirst()).map { ($0, canonical($1)) })
        let recorder = TermDecider(model: self, renderer: namesRenderer, recording: true)
        let notFound = property.kind == .sometimes ? "is not an example of" : "does not violate"
        guard conclusion(of: property, path: path, states: states, decider: recorder) != nil else {
            return .diverged(step: trace.steps.count, reason: "the replayed trace \(notFound) \(property.name) here")
        }
        var shown = render
        if let oracle {
            // What the property found is possible: do the trace's values make it real?
            let (variables, checksummed) = witnessed(in: states, exhibiting: recorder.exhibited)
            guard
                let exhibited = try oracle.witness(
                    variables: variables, exhibiting: recorder.exhibited,
                    conditions: pathCondition(of: states[states.count - 1]), checksummed: checksummed, given: values)
            else {
                return .diverged(
                    step: trace.steps.count, reason: "with the trace's values the last state \(notFound) \(property.name)")
            }
            shown = renderer(values: values, sums: exhibited.checksums)
        }
        let sentence = conclusion(of: property, path: path, states: states, decider: TermDecider(model: self, renderer: shown))
        return .reproduced(steps: trace.steps.count, conclusion: sentence ?? property.meaning)
    }

    /// The initial state whose snapshot is `recorded`: in symbolic mode the one initial state, whose
    /// values are checked later; in concrete mode the one with the recorded values.
    private func initialState(matching recorded: [String: TraceValue]) -> ExtentState? {
        let candidates = initialStates()
        guard concreteValues != nil else { return candidates.first }
        return candidates.first { snapshot(of: $0, .values) == recorded }
    }

    /// "stored.0.csum.0.value is 1234 on replay, 99 in the trace": where two snapshots first differ.
    private func difference(_ replayed: [String: TraceValue], _ recorded: [String: TraceValue]) -> String {
        guard let (path, this, other) = TraceValue.record(replayed).firstDifference(from: .record(recorded)) else {
            return "nothing"
        }
        let place = path.isEmpty ? "the state" : path.joined(separator: ".")
        func show(_ value: TraceValue?) -> String {
            guard let value else { return "absent" }
            guard case .integer(let number) = value else { return value.description }
            // A checksum's value, or a word of data, as traces show them.
            if path.last == "value" { return Self.hex(number, digits: 8) }
            let words = ["buffers", "folios", "bios", "stored"].contains(path.first ?? "")
                && !["position", "budget", "blocks"].contains(where: path.contains)
            return words && concreteValues == nil ? Self.hex(number, digits: wordDigits) : String(number)
        }
        return "\(place) is \(show(this)) on replay, \(show(other)) in the trace"
    }


    /// Where the trace shows a word: at which step, under which path, with which value.
    private struct Appearance {
        var step: Int
        var place: String
        var value: UInt64
    }

    /// Records every word `names` shows (as `wN`) with the value at the same place of `recorded`;
    /// says where the two differ in shape.
    private func collect(
        _ names: [String: TraceValue], _ recorded: [String: TraceValue], step: Int,
        into appearances: inout [UInt32: [Appearance]]
    ) -> String? {
        func walk(_ name: TraceValue, _ value: TraceValue, _ path: [String]) -> String? {
            let place = path.joined(separator: ".")
            switch (name, value) {
            case (.string(let text), .integer(let number)) where text.hasPrefix("w"):
                guard let id = UInt32(text.dropFirst()) else { return "\(place) is not a word" }
                appearances[id, default: []].append(Appearance(step: step, place: place, value: number))
                return nil
            case (.string(Renderer.checksumPlaceholder), .integer):
                return nil
            case (.record(let a), .record(let b)) where Set(a.keys) == Set(b.keys):
                for key in a.keys.sorted() {
                    if let problem = walk(a[key]!, b[key]!, path + [key]) { return problem }
                }
                return nil
            case (.list(let a), .list(let b)) where a.count == b.count, (.tuple(let a), .tuple(let b)) where a.count == b.count:
                for index in a.indices {
                    if let problem = walk(a[index], b[index], path + [String(index)]) { return problem }
                }
                return nil
            case (.map(let a), .map(let b)) where Set(a.keys) == Set(b.keys):
                for key in a.keys.sorted(by: { $0.description < $1.description }) {
                    if let problem = walk(a[key]!, b[key]!, path + [key.description]) { return problem }
                }
                return nil
            default:
                return name == value
                    ? nil : "\(place.isEmpty ? "the state" : place) is shaped \(name) on replay, \(value) in the trace"
            }
        }
        return walk(.record(names), .record(recorded), [])
    }

    /// The value of every word: the one most of its appearances show (of values shown equally often, the earliest).
    /// Where an appearance shows another, the earliest such step and what it shows there.
    private func oddValueOut(
        _ appearances: [UInt32: [Appearance]], into values: inout [UInt32: UInt64]
    ) -> (step: Int, reason: String)? {
        var odd: (step: Int, reason: String)?
        for (id, seen) in appearances.sorted(by: { $0.key < $1.key }) {
            var counts: [UInt64: Int] = [:]
            for appearance in seen { counts[appearance.value, default: 0] += 1 }
            let value = seen.max { counts[$0.value]! < counts[$1.value]! }!.value
            values[id] = value
            guard let first = seen.first(where: { $0.value != value }), first.step < (odd?.step ?? .max) else { continue }
            var steps: [Int] = []
            for appearance in seen where appearance.value == value && !steps.contains(appearance.step) {
                steps.append(appearance.step)
            }
            let at = steps.count == 1 ? "step \(steps[0])" : "steps " + steps.map(String.init).joined(separator: ", ")
            odd = (first.step, "\(first.place) is \(Self.hex(first.value, digits: wordDigits)) in the trace, but the same word is "
                + "\(Self.hex(value, digits: wordDigits)) at \(at)")
        }
        return odd
    }
}
