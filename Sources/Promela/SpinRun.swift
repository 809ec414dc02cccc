internal import Foundation

/// What SPIN found on a Promela model: an exhaustive safety search (`-DSAFETY`) that goes on past
/// every assertion that fails, so its counts are those of the whole state space.
public struct SpinRun: Sendable {
    /// States SPIN stored: extentcheck's count plus one, the state before the initial words are chosen.
    public var states: Int
    /// Transitions SPIN took, its initial choices and the no-deadlock check's included.
    public var transitions: Int
    /// The invariants whose assertion failed somewhere, by name.
    public var violated: Set<String>
    /// The wall-clock time of the verifier's run, in seconds: the search, not its compilation.
    public var seconds: Double
    /// The memory SPIN reports using, in bytes.
    public var memoryBytes: Int

    /// The SPIN and C compiler commands a run takes, and the options of the search.
    public struct Tools: Sendable {
        public var spin = "spin"
        public var compiler = "cc"
        /// log2 of the hash table's slots: 2^bits slots should exceed the states.
        public var hashBits = 22
        public init() {}
    }

    /// Runs SPIN on `model` in a scratch directory: `spin -o2 -a` (no dead variable elimination: a
    /// buffer the model writes and never reads, such as one a bounced O_DIRECT read copies into,
    /// still tells states apart, as it does in extentcheck's state), the generated verifier compiled
    /// with `-O2 -DSAFETY -DNOREDUCE`, then run with `-c0` (go on past errors).
    public static func run(_ model: PromelaModel, tools: Tools = Tools()) throws(SpinError) -> SpinRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-spin-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try model.text.write(to: directory.appendingPathComponent("model.pml"), atomically: true, encoding: .utf8)
        } catch {
            throw .failed("cannot write the model: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try execute([tools.spin, "-o2", "-a", "model.pml"], in: directory)
        _ = try execute([tools.compiler, "-O2", "-DSAFETY", "-DNOREDUCE", "-o", "pan", "pan.c"], in: directory)
        let clock = ContinuousClock()
        let start = clock.now
        let output = try execute(["./pan", "-c0", "-m1000000", "-w\(tools.hashBits)"], in: directory)
        let (seconds, attoseconds) = (clock.now - start).components
        var run = try SpinRun(parsing: output)
        run.seconds = Double(seconds) + Double(attoseconds) * 1e-18
        return run
    }

    /// The figures of `pan`'s report.
    init(parsing output: String) throws(SpinError) {
        func number(before suffix: String) -> Double? {
            for line in output.split(separator: "\n") where line.contains(suffix) {
                let text = line.trimmingCharacters(in: .whitespaces)
                if let value = Double(text.prefix { !$0.isWhitespace }) { return value }
            }
            return nil
        }
        guard !output.contains("max search depth too small") else { throw .failed("SPIN's search depth was too small") }
        guard let states = number(before: "states, stored"), let transitions = number(before: "transitions (= stored+matched)")
        else { throw .failed("no counts in SPIN's report:\n\(output)") }
        self.states = Int(states)
        self.transitions = Int(transitions)
        violated = Set(
            output.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "assertion violated ") else { return nil }
                return line[range.upperBound...].prefix { !$0.isWhitespace }.replacingOccurrences(of: "_", with: "-")
            })
        seconds = 0
        memoryBytes = Int((number(before: "total actual memory usage") ?? 0) * 1_048_576)
    }

    /// Runs `arguments` in `directory` and returns its output; throws with the output if it fails.
    private static func execute(_ arguments: [String], in directory: URL) throws(SpinError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw .failed("cannot run \(arguments[0]): \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw .notInstalled(arguments[0]) }
            throw .failed("\(arguments.joined(separator: " ")) exited with \(process.terminationStatus):\n\(output)")
        }
        return output
    }

    /// Whether `spin` and a C compiler can be run here.
    public static func isAvailable(tools: Tools = Tools()) -> Bool {
        [tools.spin, tools.compiler].allSatisfy { tool in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
        }
    }
}

/// Why SPIN gave no figures.
public enum SpinError: Error, CustomStringConvertible {
    /// A tool is missing (Debian: `apt-get install spin gcc`).
    case notInstalled(String)
    /// A step failed; the message says which, with its output.
    case failed(String)

    public var description: String {
        switch self {
        case .notInstalled(let tool): "\(tool) is not installed (Debian: apt-get install spin gcc)"
        case .failed(let message): message
        }
    }
}
