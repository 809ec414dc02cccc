import Foundation
import Testing

/// Paths of the package under test, found from this file's location:
/// `<root>/Tests/ExtentCheckTests/Support.swift`.
enum PackagePaths {
    /// The package's root directory.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ExtentCheckTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The repository's `Models/` folder.
    static let models = root.appendingPathComponent("Models")

    /// Every `*.yaml` file in `Models/`, as paths relative to the root (`Models/x.yaml`), sorted.
    static let modelFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Models/" + $0 }
    }()

    /// The absolute path of a path relative to the root.
    static func absolute(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// What one run of the `extentcheck` executable produced.
struct CommandResult: Sendable {
    var arguments: [String]
    var status: Int32
    var stdout: String
    var stderr: String

    /// The lines of standard output.
    var lines: [String] { stdout.components(separatedBy: "\n") }

    /// Standard output parsed as a JSON object; records an issue and returns nil if it is not one.
    func json(sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
        let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let document = object as? [String: Any] else {
            Issue.record("stdout of \(arguments) is not a JSON object:\n\(stdout)\nstderr:\n\(stderr)",
                sourceLocation: sourceLocation)
            return nil
        }
        return document
    }

    /// A description for failure messages.
    var transcript: String {
        "extentcheck \(arguments.joined(separator: " ")) exited \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs the built `extentcheck` executable.
enum ExtentCheckTool {
    /// The executable: next to the test bundle (the products directory of whatever
    /// scratch path built the tests), else in `.build/<config>/` under the package root.
    static let executable: URL? = {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            directories.append(executable.deletingLastPathComponent())
        }
        // On macOS the tests live in `<products>/X.xctest/Contents/MacOS`; on Linux the bundle
        // URL is the products directory itself. Walk up from the bundle to cover both.
        var bundle = Bundle.main.bundleURL.resolvingSymlinksInPath()
        for _ in 0..<4 {
            directories.append(bundle)
            bundle.deleteLastPathComponent()
        }
        for configuration in ["debug", "release"] {
            directories.append(PackagePaths.root.appendingPathComponent(".build/\(configuration)"))
        }
        return directories
            .map { $0.appendingPathComponent("extentcheck") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `extentcheck arguments...` in the package root and collects its output and exit status.
    static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> CommandResult
    {
        try await launch(arguments, sourceLocation: sourceLocation).result
    }

    /// Runs `extentcheck arguments...` in `directory`, its standard input read from the file
    /// `standardInput` (else empty), and collects its output, exit status, how it ended and when.
    /// `started` is called with the process once it runs, and the file its standard error goes to,
    /// to signal it, say.
    static func launch(
        _ arguments: [String], directory: URL = PackagePaths.root, standardInput: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation, started: (Process, URL) -> Void = { _, _ in }
    ) async throws -> (result: CommandResult, reason: Process.TerminationReason, ended: ContinuousClock.Instant) {
        let executable = try #require(
            executable, "no built extentcheck next to \(Bundle.main.bundleURL.path)", sourceLocation: sourceLocation)
        let scratch = try scratchDirectory("cli")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Output goes to files, not pipes, so a large output cannot fill a pipe and stall the child.
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let (status, reason, ended): (Int32, Process.TerminationReason, ContinuousClock.Instant) =
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = {
                    continuation.resume(returning: ($0.terminationStatus, $0.terminationReason, ContinuousClock.now))
                }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                    return
                }
                started(process, errURL)
            }
        try out.close()
        try err.close()
        let result = CommandResult(
            arguments: arguments, status: status,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
        return (result, reason, ended)
    }
}

/// A fresh directory in the temporary directory, its name starting `extentcheck-<purpose>-`; the
/// caller removes it.
func scratchDirectory(_ purpose: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// A model file written to a fresh temporary directory, removed by `remove()`.
struct TemporaryModel {
    let directory: URL
    let path: String

    init(named name: String = "model.yaml", contents: String) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("extentcheck-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Reading values out of `JSONSerialization` output.
extension Dictionary where Key == String, Value == Any {
    subscript(object key: String) -> [String: Any]? { self[key] as? [String: Any] }
    subscript(array key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
    subscript(string key: String) -> String? { self[key] as? String }
    subscript(int key: String) -> Int? { self[key] as? Int }
}
