internal import Foundation

/// Renders reports as JSON for tools: every model, policy, verdict and
/// trace, with stable field names.
public struct JSONReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The document for `reports`: `{"status": ..., "models": [...]}`, pretty-printed with sorted keys.
    public func render(_ reports: [ModelReport]) throws -> String {
        struct Document: Encodable {
            var status: ResultStatus
            var models: [ModelReport]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(status: reports.map(\.status).max() ?? .asExpected, models: reports)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
