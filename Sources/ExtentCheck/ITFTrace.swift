@_spi(Search) public import Extent
internal import Foundation

/// A trace in the Informal Trace Format (ITF, Apalache's ADR-015) of Apalache and Quint: `#meta`,
/// `vars`, and one object per state holding every variable.
///
/// The variables are `ExtentModel.snapshotParts`, written as ITF writes TLA+ values: integers as
/// `{"#bigint": "…"}`, functions (the parts keyed by name or block) as `#map`, tuples as `#tup`,
/// records with the same fields in every state. The document's `#meta` gives each variable's type
/// (`varTypes`) and names the model, policy, property, data mode and model digest, so that
/// `extentcheck replay` can run it again; each state's `#meta` gives its index and, after the
/// initial state, the action that led to it, as data and in words.
public struct ITFTrace: Hashable, Sendable, Codable {
    /// The document's metadata.
    public var meta: Meta
    /// The state variables, in order.
    public var vars: [String]
    /// The states, the initial one first.
    public var states: [State]

    /// One state: its metadata and the value of every variable.
    public struct State: Hashable, Sendable, Codable {
        /// The state's `#meta`: its index and the step that led to it.
        public var meta: StateMeta
        /// The value of every variable.
        public var values: [String: TraceValue]

        /// Creates a state.
        public init(meta: StateMeta, values: [String: TraceValue]) {
            self.meta = meta
            self.values = values
        }

        private typealias Key = StringCodingKey

        private static let metaKey = Key("#meta")

        /// Reads a state object: `#meta` and the variables side by side.
        public init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: Key.self)
            meta = try object.decodeIfPresent(StateMeta.self, forKey: Self.metaKey) ?? StateMeta(index: nil)
            var values: [String: TraceValue] = [:]
            for key in object.allKeys where key.stringValue != Self.metaKey.stringValue {
                values[key.stringValue] = try object.decode(TraceValue.self, forKey: key)
            }
            self.values = values
        }

        /// Writes a state object: `#meta` and the variables side by side.
        public func encode(to encoder: any Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(meta, forKey: Self.metaKey)
            for (name, value) in values { try object.encode(value, forKey: Key(name)) }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case meta = "#meta"
        case vars, states
    }

    /// Creates a document.
    public init(meta: Meta, vars: [String], states: [State]) {
        self.meta = meta
        self.vars = vars
        self.states = states
    }

    /// The ITF form of `document`.
    public init(_ document: TraceDocument) {
        let states = document.trace.states.enumerated().map { index, values in
            guard index > 0 else { return State(meta: StateMeta(index: index), values: values) }
            let step = document.trace.steps[index - 1]
            return State(meta: StateMeta(index: index, step: step.step, actor: step.actor, action: step.action), values: values)
        }
        self.init(meta: Meta(document), vars: ExtentModel.snapshotParts, states: states)
    }

    /// The trace as a document `replay` reads: its steps and states, its conclusion and explanation;
    /// the steps' changes are not part of ITF and are left empty. A state's `#meta` needs its action,
    /// or its step's text as the previous release wrote it; the text is shown where there is one.
    /// Throws `TraceFileError` for a document that lacks what a replay needs.
    public func traceDocument() throws(TraceFileError) -> TraceDocument {
        let header = try meta.replayable()
        var steps: [Trace.Step] = []
        for (index, state) in states.enumerated().dropFirst() {
            let place = "the #meta of state \(index)"
            let recorded = state.meta
            let previous = recorded.step.flatMap { text in
                recorded.actor.flatMap { TraceAction(previousReleaseStep: text, actor: $0) }
            }
            guard let action = recorded.action ?? previous else {
                throw recorded.step == nil
                    ? TraceFileError.missing("action", in: place) : TraceFileError.invalid("step", in: place)
            }
            steps.append(
                Trace.Step(
                    number: index, actor: recorded.actor ?? action.actor, step: recorded.step ?? action.description,
                    action: action, changes: []))
        }
        let earlierVars = [ExtentModel.snapshotPartsBeforeCrashes, ExtentModel.snapshotPartsBeforeReads]
        guard vars == ExtentModel.snapshotParts || earlierVars.contains(vars) else {
            throw TraceFileError.malformed(
                "its vars are \(vars.joined(separator: ", ")); an extentcheck trace has "
                    + ExtentModel.snapshotParts.joined(separator: ", "))
        }
        return TraceDocument(
            model: header.model, file: meta.source, modelDigest: header.modelDigest, policy: header.policy,
            property: header.property, kind: header.kind, data: header.data, crashes: meta.crashes,
            trace: Trace(
                initial: [], steps: steps, conclusion: meta.conclusion ?? "", explanation: meta.explanation ?? [],
                states: states.map { ExtentModel.snapshot(fromPreviousRelease: $0.values) }))
    }
}
