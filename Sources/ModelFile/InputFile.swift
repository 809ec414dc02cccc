package import Foundation

/// Reading a file a command is given: a model or a trace. Only a regular file is opened; a directory,
/// FIFO, socket or device is refused by its type before anything opens it, so that a FIFO with no
/// writer or a terminal cannot block the command. `-` is standard input, read to its end.
package enum InputFile {
    /// The path that names standard input.
    package static let standardInput = "-"

    /// Why a file cannot be read, in words: "it is a FIFO (named pipe)", "no such file".
    package struct Problem: Error, Sendable {
        /// What is wrong, in a few words.
        package var reason: String
    }

    /// The bytes of the regular file at `path` (symbolic links followed), or of standard input for `-`.
    package static func contents(atPath path: String) throws(Problem) -> Data {
        if path == standardInput { return try read(FileHandle.standardInput) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Problem(reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        if let kind = specialKind(of: status.st_mode) {
            throw Problem(reason: "it is \(kind), not a regular file; give a file (or - for standard input)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Problem(reason: access(path, R_OK) != 0 ? "permission denied" : "cannot open it")
        }
        defer { try? handle.close() }
        return try read(handle)
    }

    /// What a file of mode `mode` is, for messages, unless it is a regular file.
    static func specialKind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    private static func read(_ handle: FileHandle) throws(Problem) -> Data {
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw Problem(reason: error.localizedDescription)
        }
    }
}
