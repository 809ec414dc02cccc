@_spi(Search) public import Extent
internal import Foundation

extension ITFTrace {
    /// An ITF document's `#meta`: what ADR-015 names (`format`, `format-description`, `description`,
    /// `source`, `varTypes`), and what `replay` needs, in the JSON report's key style (camelCase).
    ///
    /// The previous release wrote `model-digest` and `generated-by`; they are read as `modelDigest`
    /// and `generatedBy`.
    public struct Meta: Hashable, Sendable, Codable {
        /// `ITF`.
        public var format: String?
        /// Where the format is described: ADR-015.
        public var formatDescription: String?
        /// The trace in a line: a counterexample to, or example of, a property of a model under a policy.
        public var description: String?
        /// `extentcheck`.
        public var generatedBy: String?
        /// The model file, if the model was loaded from one.
        public var source: String?
        /// The model's name.
        public var model: String?
        /// The digest of the model as it was checked (`TraceDocument.digest(of:)`).
        public var modelDigest: String?
        /// The policy.
        public var policy: String?
        /// The property.
        public var property: String?
        /// Where the property is judged.
        public var kind: ExtentProperty.Kind?
        /// The data mode: `symbolic` or `concrete:K`.
        public var data: String?
        /// The crashes the search allowed (§10), where the model may crash.
        public var crashes: Int?
        /// What is wrong in the last state.
        public var conclusion: String?
        /// Why, one sentence a line (built-in invariants).
        public var explanation: [String]?
        /// Each variable's type as Apalache writes types (ADR-002), which Apalache needs to load a trace.
        public var varTypes: [String: String]?

        /// The format's name, as ADR-015 writes it.
        public static let formatName = "ITF"
        /// Where ITF is described.
        public static let formatAddress = "https://apalache-mc.org/docs/adr/015adr-trace.html"
        /// What writes extentcheck's traces.
        public static let generator = "extentcheck"

        private enum CodingKeys: String, CodingKey {
            case format, formatDescription = "format-description", description, generatedBy, source, model, modelDigest
            case policy, property, kind, data, crashes, conclusion, explanation, varTypes
            case previousModelDigest = "model-digest", previousGeneratedBy = "generated-by"
        }

        /// The metadata of `document`'s ITF form.
        public init(_ document: TraceDocument) {
            let heading = document.kind == .sometimes ? "example of" : "counterexample to"
            let symbolic = (try? DataMode(parsing: document.data)) == .symbolic
            format = Self.formatName
            formatDescription = Self.formatAddress
            description = "\(heading) \(document.property) in \(document.model) under \(document.policy)"
            generatedBy = Self.generator
            source = document.file
            (model, modelDigest, policy, property) = (document.model, document.modelDigest, document.policy, document.property)
            (kind, data) = (document.kind, document.data)
            crashes = document.crashes
            conclusion = document.trace.conclusion
            explanation = document.trace.explanation
            varTypes = ExtentModel.snapshotTypes(symbolic: symbolic)
        }

        /// Reads the metadata; a `kind` that is not one is kept as nil, and `replayable()` says so.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { try? container.decodeIfPresent(String.self, forKey: key) }
            (format, formatDescription) = (text(.format), text(.formatDescription))
            (description, source) = (text(.description), text(.source))
            generatedBy = text(.generatedBy) ?? text(.previousGeneratedBy)
            (model, modelDigest) = (text(.model), text(.modelDigest) ?? text(.previousModelDigest))
            (policy, property, data, conclusion) = (text(.policy), text(.property), text(.data), text(.conclusion))
            kind = text(.kind).flatMap(ExtentProperty.Kind.init(rawValue:))
            invalidKind = kind == nil && container.contains(.kind)
            explanation = try? container.decodeIfPresent([String].self, forKey: .explanation)
            varTypes = try? container.decodeIfPresent([String: String].self, forKey: .varTypes)
            crashes = try? container.decodeIfPresent(Int.self, forKey: .crashes)
        }

        /// Writes the metadata, in the current key style.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [
                (CodingKeys.format, format), (.formatDescription, formatDescription), (.description, description),
                (.generatedBy, generatedBy), (.source, source), (.model, model), (.modelDigest, modelDigest),
                (.policy, policy), (.property, property), (.kind, kind?.rawValue), (.data, data), (.conclusion, conclusion),
            ] {
                try container.encodeIfPresent(value, forKey: key)
            }
            try container.encodeIfPresent(crashes, forKey: .crashes)
            try container.encodeIfPresent(explanation, forKey: .explanation)
            try container.encodeIfPresent(varTypes, forKey: .varTypes)
        }

        /// Whether `kind` was there but named no kind.
        private var invalidKind = false

        /// What `replay` needs, or `TraceFileError` naming what is missing.
        func replayable() throws(TraceFileError) -> (
            model: String, modelDigest: String, policy: String, property: String, kind: ExtentProperty.Kind, data: String
        ) {
            func required(_ value: String?, _ key: CodingKeys) throws(TraceFileError) -> String {
                guard let value else { throw TraceFileError.missing(key.stringValue, in: "#meta") }
                return value
            }
            guard let kind else {
                throw invalidKind ? TraceFileError.invalid("kind", in: "#meta") : TraceFileError.missing("kind", in: "#meta")
            }
            return (
                try required(model, .model), try required(modelDigest, .modelDigest), try required(policy, .policy),
                try required(property, .property), kind, try required(data, .data)
            )
        }
    }

    /// A state's `#meta`: its index, a plain integer, and after the initial state the step that led
    /// to it: `action` as data, `step` and `actor` in words.
    ///
    /// The previous release wrote the index as a `#bigint` and had no `action`; both are read.
    public struct StateMeta: Hashable, Sendable, Codable {
        /// The state's place in the trace, the initial state 0; nil where the document has none.
        public var index: Int?
        /// The step that led to the state, in words.
        public var step: String?
        /// Who took it.
        public var actor: String?
        /// The step as data: what `replay` goes by.
        public var action: TraceAction?

        /// Creates a state's metadata.
        public init(index: Int?, step: String? = nil, actor: String? = nil, action: TraceAction? = nil) {
            self.index = index
            self.step = step
            self.actor = actor
            self.action = action
        }

        private enum CodingKeys: String, CodingKey {
            case index, step, actor, action
        }

        /// Reads a state's metadata; an index written as a `#bigint` is read as its number.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let plain = try? container.decodeIfPresent(Int.self, forKey: .index) {
                index = plain
            } else if case .integer(let value)? = try? container.decodeIfPresent(TraceValue.self, forKey: .index) {
                index = Int(exactly: value)
            }
            step = try container.decodeIfPresent(String.self, forKey: .step)
            actor = try container.decodeIfPresent(String.self, forKey: .actor)
            action = try container.decodeIfPresent(TraceAction.self, forKey: .action)
        }
    }
}
