/// Why a trace file cannot be replayed: it cannot be read, is not a trace, or lacks what a replay needs.
public enum TraceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read or parsed.
    case unreadable(path: String, reason: String)
    /// A key a replay needs is missing from a part of the document.
    case missing(String, in: String)
    /// A key has a value a replay cannot use.
    case invalid(String, in: String)
    /// The document does not hang together: the problem in words.
    case malformed(String)
    /// An error in the file at `path`.
    indirect case inFile(path: String, TraceFileError)

    /// The problem in words, with the file where known.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .missing(let key, let place): "'\(key)' is missing from \(place)"
        case .invalid(let key, let place): "'\(key)' in \(place) has a value that is not valid"
        case .malformed(let problem): problem
        case .inFile(let path, let error): "\(path): \(error)"
        }
    }
}
