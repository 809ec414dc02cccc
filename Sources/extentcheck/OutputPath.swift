import Foundation

/// A path a command writes to, named by its option, checked before any search: a long run must not
/// end in an unwritable directory with its results lost.
struct OutputPath {
    /// What the path names.
    enum Kind {
        /// A directory the command writes files in, made (with its parents) if missing.
        case directory
        /// A file the command writes, replaced if present.
        case file
    }

    /// The option that gave the path, as the user spells it: `--trace-dir`.
    var option: String
    /// The path as given.
    var path: String
    /// Whether the path is a directory or a file.
    var kind: Kind

    /// Makes sure the command can write here: makes a missing directory, and creates and removes a
    /// file where the command's files will go. Throws `CommandLineError.cannotWrite` naming the
    /// option, the path and why.
    func prepare() throws(CommandLineError) {
        let directory: String
        switch kind {
        case .directory:
            try makeDirectory(path)
            directory = path
        case .file:
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw problem("it is a directory; give a file name") }
                if access(path, W_OK) != 0 { throw problem(Self.lastError) }
            }
            directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard Self.isDirectory(directory) else { throw problem("no such directory: \(directory)") }
        }
        try probe(directory)
    }

    /// Makes `directory` and its missing parents.
    private func makeDirectory(_ directory: String) throws(CommandLineError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw problem("\(directory) is a file, not a directory") }
            return
        }
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        if parent != directory { try makeDirectory(parent) }
        guard mkdir(directory, 0o777) == 0 || errno == EEXIST else {
            throw problem("making the directory \(directory) fails (\(Self.lastError))")
        }
    }

    /// Creates and removes a file in `directory`: what the filesystem answers, not what permission
    /// bits promise (root may write anywhere, yet not in /proc or on a read-only mount).
    private func probe(_ directory: String) throws(CommandLineError) {
        let probe = URL(fileURLWithPath: directory)
            .appendingPathComponent(".extentcheck-probe-\(getpid())-\(UUID().uuidString)").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw problem("creating a file in \(directory) fails (\(Self.lastError))")
        }
        close(descriptor)
        unlink(probe)
    }

    private func problem(_ reason: String) -> CommandLineError {
        .cannotWrite(option: option, path: path, reason: reason)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The system's words for `errno`.
    private static var lastError: String { String(cString: strerror(errno)) }
}
