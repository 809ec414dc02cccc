public import Extent
@_spi(Search) internal import Explorer
internal import ModelFile

/// One counterexample (or example) with what it takes to run it again: the model, policy, property,
/// data mode and crashes it was found under, and the model's digest, to tell when the model has changed.
///
/// `extentcheck check --trace-dir DIR` writes one per violation as `<model>.<policy>.<property>.json`;
/// `extentcheck replay` reads it back, or the ITF file written beside it.
public struct TraceDocument: Hashable, Sendable, Codable {
    /// The model's name.
    public var model: String
    /// The file the model was loaded from, if any.
    public var file: String?
    /// The digest of the model as it was checked (`digest(of:)`).
    public var modelDigest: String
    /// The policy the trace was found under.
    public var policy: String
    /// The property the trace violates, or for a `sometimes` property, is an example of.
    public var property: String
    /// Where the property is judged.
    public var kind: ExtentProperty.Kind
    /// The data mode of the search, as model files spell it: `symbolic` or `concrete:K`.
    public var data: String
    /// The crashes the search allowed (§10); nil, as in traces of releases before crashes, for the
    /// model's own.
    public var crashes: Int?
    /// The trace.
    public var trace: Trace

    /// Creates a document.
    public init(
        model: String, file: String?, modelDigest: String, policy: String, property: String,
        kind: ExtentProperty.Kind, data: String, crashes: Int? = nil, trace: Trace
    ) {
        self.model = model
        self.file = file
        self.modelDigest = modelDigest
        self.policy = policy
        self.property = property
        self.kind = kind
        self.data = data
        self.crashes = crashes
        self.trace = trace
    }

    /// The name of the document's file in `format`: `<model>.<policy>.<property>.<ending>`, with any
    /// `/` in the names written `-`, and a name longer than 64 bytes cut to its first 40 bytes and a
    /// digest of the whole, so that the file name stays within what file systems take (255 bytes).
    public func fileName(_ format: FileFormat) -> String {
        [model, policy, property].map(Self.fileNamePart).joined(separator: ".") + "." + format.fileExtension
    }

    /// `name` as one part of a file name: `/` written `-`, and at most 64 bytes.
    private static func fileNamePart(_ name: String) -> String {
        let part = String(name.map { $0 == "/" ? "-" : $0 })
        guard part.utf8.count > 64 else { return part }
        var hasher = StableHasher()
        for byte in name.utf8 { hasher.combine(UInt32(byte)) }
        let digest = String(hasher.finalize().rawValue, radix: 16)
        var kept = ""
        for character in part {
            guard kept.utf8.count + character.utf8.count <= 40 else { break }
            kept.append(character)
        }
        return kept + "-" + String(repeating: "0", count: 16 - digest.count) + digest
    }

    /// A digest of everything about `scenario` that steps and verdicts depend on: its model file as
    /// `ModelFileWriter` writes it, expectations left out, as 16 hexadecimal digits. Throws `ScenarioError`
    /// for a scenario that `Scenario.validate()` refuses.
    public static func digest(of scenario: Scenario) throws(ScenarioError) -> String {
        var semantic = scenario
        semantic.expectations = [:]
        var hasher = StableHasher()
        for byte in try ModelFileWriter.yaml(for: semantic).utf8 { hasher.combine(UInt32(byte)) }
        let text = String(hasher.finalize().rawValue, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
