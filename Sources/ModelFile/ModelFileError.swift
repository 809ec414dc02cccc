/// An error in a model file: where it is, which key it concerns and what is wrong.
///
/// Every error the `ModelFile` loader throws is one of these. Its description has
/// the shape compilers use, so editors can jump to it:
///
///     Models/x.yaml:12:7: actors.qemu.writer[0].dio-write.from: unknown buffer 'guset-page' (buffers: guest-page)
public struct ModelFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The model file's path, as the caller gave it.
    public var path: String
    /// The 1-based line of the offending node, or 0 when no line applies (an unreadable file).
    public var line: Int
    /// The 1-based column of the offending node, counted in Unicode scalars, or 0 when unknown.
    public var column: Int
    /// The dotted path of the offending key, e.g. `actors.qemu.writer[0].dio-write.from`;
    /// empty when the error concerns the whole file.
    public var key: String
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(path: String, line: Int, column: Int, key: String, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// The error as `path:line:column: key: message`; the position is left out
    /// when it is unknown and the key when it is empty. A key or message longer than a few hundred
    /// characters (a value of the file quoted whole) is shown by its start and end.
    public var description: String {
        var text = path
        if line > 0 {
            text += ":\(line):\(column)"
        }
        text += ": "
        if !key.isEmpty {
            text += "\(MessageValue.shortened(key)): "
        }
        return text + MessageValue.shortened(message)
    }
}
