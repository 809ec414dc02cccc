/// A log that cannot be read or does not fit its model: where, which key, and what is wrong.
///
/// Its description has the shape compilers use: `runs/6.1.ndjson:12: slot: expected an integer`.
public struct EventLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The log's path, as the caller gave it.
    public var path: String
    /// The 1-based line of the offending record, or 0 when the error concerns the whole log.
    public var line: Int
    /// The key of the record that is wrong, or empty when the record as a whole is.
    public var key: String
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(path: String, line: Int, key: String = "", message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    /// The error as `path:line: key: message`, without the line when it is 0 and the key when empty.
    public var description: String {
        (line > 0 ? "\(path):\(line): " : "\(path): ") + (key.isEmpty ? "" : "\(key): ") + message
    }
}
