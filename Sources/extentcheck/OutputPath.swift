import Foundation

/// A path a command writes to, named by its option, checked before any search: a long run must not
/// end in an unwritable directory with its results lost.
struct OutputPath {
    /// What the path names.
    enum Kind {
        /// A directory the command writes files in, perhaps still to be made (with its parents).
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

    /// Makes sure the command can write here, leaving nothing behind: the directory that is, or that
    /// will hold, the command's files (or, for a directory still to be made, its nearest existing
    /// ancestor) must be a directory in which a file can be created. Throws
    /// `CommandLineError.cannotWrite` naming the option, the path and why.
    func check() throws(CommandLineError) {
        switch kind {
        case .directory:
            try probe(try existingAncestor(of: path))
        case .file:
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw problem("it is a directory; give a file name") }
                if access(path, W_OK) != 0 { throw problem(Self.lastError) }
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard Self.isDirectory(directory) else { throw problem("no such directory: \(directory)") }
            try probe(directory)
        }
    }

    /// Checks the directory as `check()` does, then makes it and its missing parents.
    func makeDirectory() throws(CommandLineError) {
        try check()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw problem("making the directory fails (\(error.localizedDescription))")
        }
    }

    /// `directory` if it exists, else its nearest existing ancestor; an error if that is no directory.
    private func existingAncestor(of directory: String) throws(CommandLineError) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw problem("\(directory) is a file, not a directory") }
            return directory
        }
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        guard parent != directory else { return directory }
        return try existingAncestor(of: parent)
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
