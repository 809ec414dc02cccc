internal import Foundation

extension TraceDocument {
    /// The formats a trace is written in, by the ending of its file name.
    public enum FileFormat: String, Hashable, Sendable, CaseIterable {
        /// The trace document as JSON: `.json`.
        case json
        /// The Informal Trace Format: `.itf.json`.
        case itf
        /// A Mermaid sequence diagram: `.mmd`.
        case mermaid

        /// The ending of a file in this format.
        public var fileExtension: String {
            switch self {
            case .json: "json"
            case .itf: "itf.json"
            case .mermaid: "mmd"
            }
        }
    }

    /// The document in `format`, as a file holds it.
    public func text(in format: FileFormat) throws -> String {
        switch format {
        case .json: try JSONReporter().render(document: self)
        case .itf: try JSONReporter().render(document: ITFTrace(self))
        case .mermaid: MermaidWriter().render(self)
        }
    }

    /// Reads a trace file: a trace document as `--trace-dir` writes it, or an ITF trace (recognised by
    /// its `vars`). Throws `TraceFileError`.
    ///
    /// - Complexity: Linear in the file's size.
    public static func load(contentsOf path: String) throws(TraceFileError) -> TraceDocument {
        let data: Data
        do {
            data = try InputFile.contents(atPath: path)
        } catch {
            throw TraceFileError.unreadable(path: path, reason: "cannot read the file: \(error.reason)")
        }
        struct Probe: Decodable { var vars: [String]? }
        let decoder = JSONDecoder()
        do {
            do {
                let document =
                    try decoder.decode(Probe.self, from: data).vars != nil
                    ? try decoder.decode(ITFTrace.self, from: data).traceDocument()
                    : try decoder.decode(TraceDocument.self, from: data)
                try document.trace.validate()
                return document
            } catch let error as TraceFileError {
                throw TraceFileError.inFile(path: path, error)
            }
        } catch let error as TraceFileError {
            throw error
        } catch let error as DecodingError {
            throw TraceFileError.unreadable(path: path, reason: "not a trace extentcheck wrote: \(Self.describe(error))")
        } catch {
            throw TraceFileError.unreadable(path: path, reason: "not a trace extentcheck wrote: \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "'\(key.stringValue)' is missing\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + at(context.codingPath)
        @unknown default: return "\(error)"
        }
    }
}
