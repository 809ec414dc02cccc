public import Extent
internal import Foundation

/// A trace in the Informal Trace Format (ITF) of Apalache and Quint: `#meta`, `vars`, and one object
/// per state holding every variable, integers as `{"#bigint": "…"}`, maps as `#map`, tuples as `#tup`.
///
/// The variables are `ExtentModel.snapshotParts`. The document's `#meta` names the model, policy,
/// property, data mode and model digest, so that `extentcheck replay` can run it again; each state's
/// `#meta` gives its index and, after the initial state, the step that led to it and its actor.
public struct ITFTrace: Hashable, Sendable, Codable {
    /// The document's metadata.
    public var meta: [String: TraceValue]
    /// The state variables, in order.
    public var vars: [String]
    /// The states, the initial one first.
    public var states: [State]

    /// One state: its metadata and the value of every variable.
    public struct State: Hashable, Sendable, Codable {
        /// The state's `#meta`: `index`, and after the initial state `step` and `actor`.
        public var meta: [String: TraceValue]
        /// The value of every variable.
        public var values: [String: TraceValue]

        /// Creates a state.
        public init(meta: [String: TraceValue], values: [String: TraceValue]) {
            self.meta = meta
            self.values = values
        }

        /// Reads a state object: `#meta` and the variables side by side.
        public init(from decoder: any Decoder) throws {
            guard case .record(var fields) = try TraceValue(from: decoder) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "a state is not an object"))
            }
            if case .record(let meta)? = fields.removeValue(forKey: "#meta") { self.meta = meta } else { meta = [:] }
            values = fields
        }

        /// Writes a state object: `#meta` and the variables side by side.
        public func encode(to encoder: any Encoder) throws {
            try TraceValue.record(values.merging(["#meta": .record(meta)]) { value, _ in value }).encode(to: encoder)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case meta = "#meta"
        case vars, states
    }

    /// Creates a document.
    public init(meta: [String: TraceValue], vars: [String], states: [State]) {
        self.meta = meta
        self.vars = vars
        self.states = states
    }

    /// The ITF form of `document`.
    public init(_ document: TraceDocument) {
        let heading = document.kind == .sometimes ? "example of" : "counterexample to"
        var meta: [String: TraceValue] = [
            "format": .string("ITF"),
            "format-description": .string("https://apalache-mc.org/docs/adr/015adr-trace.html"),
            "description": .string("\(heading) \(document.property) in \(document.model) under \(document.policy)"),
            "generated-by": .string("extentcheck"),
            "model": .string(document.model), "model-digest": .string(document.modelDigest),
            "policy": .string(document.policy), "property": .string(document.property),
            "kind": .string(document.kind.rawValue), "data": .string(document.data),
            "conclusion": .string(document.trace.conclusion),
            "explanation": .list(document.trace.explanation.map(TraceValue.string)),
        ]
        if let file = document.file { meta["source"] = .string(file) }
        let states = document.trace.states.enumerated().map { index, values in
            var stateMeta: [String: TraceValue] = ["index": .integer(UInt64(index))]
            if index > 0 {
                let step = document.trace.steps[index - 1]
                stateMeta["step"] = .string(step.step)
                stateMeta["actor"] = .string(step.actor)
            }
            return State(meta: stateMeta, values: values)
        }
        self.init(meta: meta, vars: ExtentModel.snapshotParts, states: states)
    }

    /// The trace as a document `replay` reads: its steps and states, its conclusion and explanation;
    /// the steps' changes are not part of ITF and are left empty. Throws `TraceFileError` for a
    /// document that lacks what a replay needs.
    public func traceDocument() throws(TraceFileError) -> TraceDocument {
        func string(_ key: String, in meta: [String: TraceValue], at place: String) throws(TraceFileError) -> String {
            guard case .string(let text)? = meta[key] else { throw TraceFileError.missing(key, in: place) }
            return text
        }
        guard let kind = ExtentProperty.Kind(rawValue: try string("kind", in: meta, at: "#meta")) else {
            throw TraceFileError.invalid("kind", in: "#meta")
        }
        var steps: [Trace.Step] = []
        for (index, state) in states.enumerated().dropFirst() {
            let place = "the #meta of state \(index)"
            steps.append(
                Trace.Step(
                    number: index, actor: try string("actor", in: state.meta, at: place),
                    step: try string("step", in: state.meta, at: place), changes: []))
        }
        guard vars == ExtentModel.snapshotParts else {
            throw TraceFileError.malformed(
                "its vars are \(vars.joined(separator: ", ")); an extentcheck trace has "
                    + ExtentModel.snapshotParts.joined(separator: ", "))
        }
        var explanation: [String] = []
        if case .list(let lines)? = meta["explanation"] {
            explanation = lines.compactMap { if case .string(let line) = $0 { line } else { nil } }
        }
        let source: String? = if case .string(let file)? = meta["source"] { file } else { nil }
        return TraceDocument(
            model: try string("model", in: meta, at: "#meta"), file: source,
            modelDigest: try string("model-digest", in: meta, at: "#meta"),
            policy: try string("policy", in: meta, at: "#meta"), property: try string("property", in: meta, at: "#meta"),
            kind: kind, data: try string("data", in: meta, at: "#meta"),
            trace: Trace(
                initial: [], steps: steps, conclusion: (try? string("conclusion", in: meta, at: "#meta")) ?? "",
                explanation: explanation, states: states.map(\.values)))
    }
}
