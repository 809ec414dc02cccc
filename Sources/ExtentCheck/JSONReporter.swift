internal import Foundation

/// Renders reports as JSON for tools: every model, policy, verdict and
/// trace, with stable field names.
public struct JSONReporter: Sendable {
    /// The version of the reports' format, in every document's `version` field. 2: one verdict
    /// vocabulary (`Verdict`): a witnessed `sometimes` property is `witnessed` in every report, and
    /// a simulation's result is a `PropertyResult` (`verdict`, `trace`, `walk`, `walked`). Reports
    /// without the field are version 1. A field added where documents of the version may lack it,
    /// as a policy's `coverage`, keeps the version: a reader skips what it does not know.
    public static let version = 2

    /// Creates a reporter.
    public init() {}

    /// The document for `reports`: `{"status": ..., "models": [...], "version": 2}`, pretty-printed
    /// with sorted keys.
    public func render(_ reports: [ModelReport]) throws -> String {
        struct Document: Encodable {
            var version = JSONReporter.version
            var status: ResultStatus
            var models: [ModelReport]
        }
        return try render(document: Document(status: reports.map(\.status).max() ?? .asExpected, models: reports))
    }

    /// The document for simulations: `{"status": ..., "simulations": [...]}`, as `render(_:)` of reports.
    public func render(_ simulations: [SimulationReport]) throws -> String {
        struct Document: Encodable {
            var version = JSONReporter.version
            var status: ResultStatus
            var simulations: [SimulationReport]
        }
        return try render(document: Document(status: simulations.map(\.status).max() ?? .asExpected, simulations: simulations))
    }

    /// Any document, pretty-printed with sorted keys, as reports are.
    public func render(document: some Encodable) throws -> String {
        try render(document, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Any document on one line with sorted keys: one line of a JSON Lines stream.
    public func line(document: some Encodable) throws -> String {
        try render(document, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private func render(_ document: some Encodable, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
