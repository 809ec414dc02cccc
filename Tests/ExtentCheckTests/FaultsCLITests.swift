import Foundation
import Testing

/// The command line on input a new user gives by mistake or on purpose: paths it cannot write,
/// Ctrl-C, huge values, special files, misspelt subcommands, negative numbers, traces from elsewhere.
/// Each test runs the built executable as a user would.
@Suite("extentcheck on faulty input")
struct FaultsCLITests {
    static let qemu = "Models/qemu-cache-none.yaml"
    /// A model whose full check takes several seconds: long enough to interrupt.
    static let long = "Benchmarks/Models/three-writers-symbolic.yaml"
    /// A model whose full check takes minutes.
    static let huge = "Benchmarks/Models/five-blocks-concrete.yaml"

    // MARK: - Output paths

    @Test(
        "an output path that cannot be written fails at once, before any search, naming the option and the path",
        arguments: [
            ["check", huge, "--trace-dir", "/proc"],
            ["check", huge, "--trace-dir", "Models/qemu-cache-none.yaml/traces"],
            ["export", qemu, "--policy", "dio-csum", "--data", "concrete:2", "--output", "/proc/model.pml"],
            ["export", qemu, "--policy", "dio-csum", "--data", "concrete:2", "--output", "Models"],
            ["reproduce", huge, "--policy", "dio-csum", "--out", "/proc/repro"],
            ["fuzz", "--policy", "dio-csum", "--runs", "100000", "--save-dir", "/proc/sys"],
        ])
    func unwritableOutput(arguments: [String]) async throws {
        let (run, elapsed) = try await FaultyRun.timed(arguments, deadline: .seconds(90))
        #expect(run.status == 2, "\(run.transcript)")
        let option = try #require(arguments.first { $0.hasPrefix("--") && ["--trace-dir", "--output", "--out", "--save-dir"].contains($0) })
        let path = try #require(arguments.last)
        #expect(run.stderr.hasPrefix("error: \(option) \(path): cannot write there: "), "\(run.transcript)")
        #expect(!run.stderr.contains("Usage:"), "a bad path is no usage error: \(run.transcript)")
        #expect(run.stdout.isEmpty, "nothing checked: \(run.transcript)")
        // The whole search of the huge model (or the fuzz hunt) takes minutes; refusing the path,
        // even on a loaded machine, seconds.
        #expect(elapsed < .seconds(30), "\(elapsed): the search ran before the path was checked")
    }

    // MARK: - Ctrl-C

    @Test("Ctrl-C ends a check as a limit does: partial figures, the rest unknown (interrupted), exit 130")
    func interruptedCheck() async throws {
        let run = try await FaultyRun.run(["check", Self.long, "--format", "json"], interruptAfter: .seconds(1))
        #expect(run.status == 130, "\(run.transcript)")
        #expect(run.stderr.contains("interrupted"), "\(run.transcript)")
        let document = try #require(
            try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.transcript)")
        let policies = ((document["models"] as? [[String: Any]])?.first?["policies"] as? [[String: Any]]) ?? []
        #expect(!policies.isEmpty, "\(run.transcript)")
        #expect(policies.contains { $0["limit"] as? String == "interrupted" }, "\(run.transcript)")
        var states = 0
        for policy in policies {
            states += (policy["search"] as? [String: Any])?["states"] as? Int ?? 0
            for result in policy["results"] as? [[String: Any]] ?? [] {
                let verdict = result["verdict"] as? String
                guard policy["limit"] != nil else { continue }
                #expect(verdict != "holds", "an interrupted search never says holds: \(result)")
                if verdict == "unknown" {
                    #expect((result["reason"] as? String)?.contains("interrupted") == true, "\(result)")
                }
            }
        }
        #expect(states > 0, "the figures reached are printed: \(run.transcript)")
    }

    @Test("Ctrl-C ends the text report too: 'stopped early: interrupted' and the summary line")
    func interruptedTextCheck() async throws {
        let run = try await FaultyRun.run(["check", Self.long, "--workers", "1"], interruptAfter: .seconds(1))
        #expect(run.status == 130, "\(run.transcript)")
        #expect(run.stdout.contains("  stopped early: interrupted\n"), "\(run.transcript)")
        #expect(run.stdout.contains("UNKNOWN: interrupted before every state was explored"), "\(run.transcript)")
        #expect(run.stdout.contains("1 model, "), "\(run.transcript)")
    }

    @Test("Ctrl-C reports the model being checked and checks no further model")
    func interruptedBeforeSecondModel() async throws {
        let run = try await FaultyRun.run(
            ["check", Self.long, Self.qemu, "--workers", "1", "--no-traces"], interruptAfter: .seconds(1))
        #expect(run.status == 130, "\(run.transcript)")
        #expect(run.stdout.contains("model three-writers-symbolic"), "\(run.transcript)")
        #expect(!run.stdout.contains("model qemu-cache-none"), "\(run.transcript)")
        #expect(run.stderr.contains("interrupted: not checked: \(Self.qemu)\n"), "\(run.transcript)")
    }

    @Test("Ctrl-C ends random walks: the walks taken are reported, exit 130")
    func interruptedSimulation() async throws {
        let run = try await FaultyRun.run(
            ["simulate", Self.long, "--runs", "100000000", "--seed", "1"], interruptAfter: .seconds(1))
        #expect(run.status == 130, "\(run.transcript)")
        #expect(run.stdout.contains("  stopped early: interrupted\n"), "\(run.transcript)")
    }

    @Test("Ctrl-C ends a fuzz run: the scenarios checked are reported, and the text says it stopped early")
    func interruptedFuzz() async throws {
        let run = try await FaultyRun.run(
            ["fuzz", "--policy", "buffered-fallback", "--runs", "100000000", "--seed", "1"], interruptAfter: .seconds(1))
        #expect(run.status == 130, "\(run.transcript)")
        #expect(run.stdout.contains("scenarios checked"), "\(run.transcript)")
        #expect(run.stdout.hasSuffix("stopped early: interrupted; the scenarios not reached were not checked\n"), "\(run.transcript)")
    }

    @Test("a second Ctrl-C quits at once, with the same status")
    func secondInterrupt() async throws {
        // Sent again while the first is being handled, or after the report: either way 130.
        let run = try await FaultyRun.run(
            ["check", Self.long, "--workers", "1"], interruptAfter: .seconds(1), again: .milliseconds(10))
        #expect(run.status == 130, "\(run.transcript)")
    }

    // MARK: - Long values

    @Test("an error quotes only the start of a huge value, with its length")
    func hugeValue() async throws {
        let value = String(repeating: "a", count: 20_000_000)
        let model = try TemporaryModel(contents: "blocks: \(value)\n")
        defer { model.remove() }
        let run = try await FaultyRun.run(["check", model.path])
        #expect(run.status == 2)
        #expect(run.stderr.utf8.count < 500, "\(run.stderr.utf8.count) bytes on stderr")
        #expect(run.stderr.contains("blocks: expected an integer, found 'aaaa"), "\(run.stderr.prefix(500))")
        #expect(run.stderr.contains("…' (20000000 bytes)"), "\(run.stderr.prefix(500))")
    }

    @Test("an error at a huge key shortens it in the key path and in the message")
    func hugeKey() async throws {
        let key = String(repeating: "k", count: 5_000_000)
        let model = try TemporaryModel(contents: "blocks: 1\n? \(key)\n: 3\n")
        defer { model.remove() }
        let run = try await FaultyRun.run(["check", model.path])
        #expect(run.status == 2)
        #expect(run.stderr.utf8.count < 500, "\(run.stderr.utf8.count) bytes on stderr")
        #expect(run.stderr.contains("unknown key 'kkkk"), "\(run.stderr.prefix(500))")
    }

    // MARK: - Special files

    @Test("a FIFO with no writer is refused by type, not opened")
    func fifo() async throws {
        let directory = try scratchDirectory("fifo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        let run = try await FaultyRun.run(["check", path], deadline: .seconds(20))
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("\(path): cannot read the file: it is a FIFO (named pipe)"), "\(run.transcript)")
        let replay = try await FaultyRun.run(["replay", path], deadline: .seconds(20))
        #expect(replay.status == 2, "\(replay.transcript)")
        #expect(replay.stderr.contains("it is a FIFO"), "\(replay.transcript)")
    }

    @Test("merge refuses a FIFO by type, and files that are no results without the usage text")
    func mergeInputs() async throws {
        let directory = try scratchDirectory("merge-fifo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("result.json").path
        #expect(mkfifo(path, 0o600) == 0)
        let fifo = try await FaultyRun.run(["merge", path], deadline: .seconds(20))
        #expect(fifo.status == 2, "\(fifo.transcript)")
        #expect(fifo.stderr == "error: \(path): cannot read the file: it is a FIFO (named pipe), not a regular file; give a file (or - for standard input)\n", "\(fifo.transcript)")

        let unfit = try await FaultyRun.run(["merge", Self.qemu])
        #expect(unfit.status == 2, "\(unfit.transcript)")
        #expect(unfit.stderr.hasPrefix("error: \(Self.qemu) is neither a fuzz nor a simulate result"), "\(unfit.transcript)")
        #expect(!unfit.stderr.contains("Usage:"), "\(unfit.transcript)")
    }

    @Test(
        "a device or directory is refused by type",
        arguments: [("/dev/null", "a character device"), ("/dev/zero", "a character device"), ("Models", "a directory")])
    func specialFile(path: String, kind: String) async throws {
        let run = try await FaultyRun.run(["check", path], deadline: .seconds(20))
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("\(path): cannot read the file: it is \(kind), not a regular file"), "\(run.transcript)")
    }

    @Test("- reads the model from standard input")
    func standardInput() async throws {
        let run = try await FaultyRun.run(
            ["check", "-", "--policy", "dio-csum", "--no-traces"],
            standardInput: PackagePaths.absolute(Self.qemu))
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.contains("model qemu-cache-none (-)"), "\(run.transcript)")
        #expect(run.stdout.contains("csum-matches-data  violated  as expected"), "\(run.transcript)")
    }

    // MARK: - Subcommands

    @Test(
        "a misspelt subcommand is named as one, with the nearest subcommand",
        arguments: [("chek", "check"), ("simulat", "simulate"), ("replya", "replay"), ("polices", "policies")])
    func misspeltSubcommand(word: String, meant: String) async throws {
        let run = try await FaultyRun.run([word, Self.qemu])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.hasPrefix("error: unknown subcommand '\(word)'; did you mean '\(meant)'?"), "\(run.transcript)")
        #expect(!run.stderr.contains("cannot read the file"), "\(run.transcript)")
    }

    @Test("a word far from every subcommand is still called an unknown subcommand, with the list")
    func unknownSubcommand() async throws {
        let run = try await FaultyRun.run(["frobnicate"])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("unknown subcommand 'frobnicate' (no file of that name either; subcommands: check,"), "\(run.transcript)")
        #expect(!run.stderr.contains("did you mean"), "\(run.transcript)")
    }

    @Test("a model file named like a word is still checked when it exists")
    func wordThatIsAFile() async throws {
        let model = try TemporaryModel(
            named: "chek", contents: try String(contentsOfFile: PackagePaths.absolute(Self.qemu), encoding: .utf8))
        defer { model.remove() }
        let run = try await FaultyRun.run(["chek", "--policy", "dio-csum", "--no-traces"], directory: model.directory)
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.contains("model qemu-cache-none (chek)"), "\(run.transcript)")
    }

    // MARK: - Numbers

    @Test(
        "a negative number says what the option takes, never 'Missing value'",
        arguments: [
            (["check", qemu, "--workers", "-1"], "--workers must be at least 1"),
            (["check", qemu, "--max-states", "-1"], "--max-states must be at least 1"),
            (["check", qemu, "--max-depth", "-1"], "--max-depth must be 0 or more"),
            (["check", qemu, "--timeout", "-1"], "--timeout must be a positive number of seconds"),
            (["check", qemu, "--solver-timeout", "-1"], "--solver-timeout must be at least 1"),
            (["check", qemu, "--memory-limit", "-1"], "--memory-limit takes a size such as 512M"),
            (["simulate", qemu, "--runs", "-1"], "--runs must be at least 1"),
            (["simulate", qemu, "--depth", "-5"], "--depth must be at least 1"),
            (["simulate", qemu, "--timeout", "-1"], "--timeout must be a positive number of seconds"),
            (["simulate", qemu, "--solver-timeout", "-1"], "--solver-timeout must be at least 1"),
            (["simulate", qemu, "--seed", "-1"], "--seed must be a whole number from 0 to"),
            (["simulate", qemu, "--seed", "1", "--swarm", "-1/3"], "--swarm takes I/N with 1 ≤ I ≤ N, found '-1/3'"),
            (["fuzz", "--policy", "dio-csum", "--seed", "-1"], "--seed must be a whole number from 0 to"),
            (["fuzz", "--policy", "dio-csum", "--max-blocks", "-1"], "--max-blocks must be 1 through"),
            (["fuzz", "--policy", "dio-csum", "--runs", "-1"], "--runs must be at least 1"),
            (["fuzz", "--policy", "dio-csum", "--max-scenarios", "-1"], "--max-scenarios must be at least 1"),
            (["fuzz", "--policy", "dio-csum", "--workers", "-2"], "--workers must be at least 1"),
            (["graph", qemu, "--policy", "dio-csum", "--max-states", "-1"], "--max-states must be at least 1"),
            (["reproduce", qemu, "--policy", "dio-csum", "--out", "x", "--fstests-number", "-1"], "--fstests-number must be 1...999"),
        ])
    func negativeNumber(arguments: [String], message: String) async throws {
        let run = try await FaultyRun.run(arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains(message), "\(run.transcript)")
        #expect(!run.stderr.contains("Missing value"), "\(run.transcript)")
    }

    // MARK: - Replay

    @Test("replay of a trace written in another directory says to give --model, and replays with it")
    func replayElsewhere() async throws {
        let traces = try scratchDirectory("replay-elsewhere")
        defer { try? FileManager.default.removeItem(at: traces) }
        let check = try await FaultyRun.run(["check", Self.qemu, "--policy", "dio-csum", "--trace-dir", traces.path, "-q"])
        #expect(check.status == 0, "\(check.transcript)")
        let trace = traces.appendingPathComponent("qemu-cache-none.dio-csum.csum-matches-data.json").path

        let run = try await FaultyRun.run(["replay", trace], directory: traces)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(
            run.stderr.contains("the trace was checked on the model file \(Self.qemu), which does not exist here; give the model with --model"),
            "\(run.transcript)")

        let again = try await FaultyRun.run(["replay", trace, "--model", PackagePaths.absolute(Self.qemu)], directory: traces)
        #expect(again.status == 0, "\(again.transcript)")
    }
}

/// Runs the built `extentcheck` as `ExtentCheckTool` does, with what the faults need besides: another
/// working directory, a file as standard input, SIGINT after a while, and a deadline after which the
/// process is killed (so that a command that blocks fails its test rather than hanging it).
///
/// The signals are timed on a dispatch queue, not by sleeping tasks: tests that check models in
/// this process may hold every thread of Swift's cooperative pool for longer than the delays.
enum FaultyRun {
    static func run(
        _ arguments: [String], directory: URL = PackagePaths.root, standardInput: String? = nil,
        interruptAfter: Duration? = nil, again: Duration? = nil, deadline: Duration = .seconds(120),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CommandResult {
        try await timed(
            arguments, directory: directory, standardInput: standardInput, interruptAfter: interruptAfter, again: again,
            deadline: deadline, sourceLocation: sourceLocation
        ).result
    }

    /// Runs as `run` does, and says how long the process ran, from its start to its end as the
    /// system reported it (not to when this task was next scheduled).
    static func timed(
        _ arguments: [String], directory: URL = PackagePaths.root, standardInput: String? = nil,
        interruptAfter: Duration? = nil, again: Duration? = nil, deadline: Duration = .seconds(120),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (result: CommandResult, elapsed: Duration) {
        var child: Child?
        let started = ContinuousClock.now
        let (result, reason, ended) = try await ExtentCheckTool.launch(
            arguments, directory: directory, standardInput: standardInput, sourceLocation: sourceLocation
        ) { process, _ in
            let running = Child(process)
            child = running
            if let interruptAfter { running.interrupt(after: interruptAfter, again: again) }
            running.signal(SIGKILL, after: deadline)
        }
        let sent = child?.sent ?? []
        #expect(!sent.contains(SIGKILL), "extentcheck \(arguments) still ran after \(deadline)", sourceLocation: sourceLocation)
        if interruptAfter != nil {
            #expect(sent.contains(SIGINT), "extentcheck \(arguments) ended before it could be interrupted", sourceLocation: sourceLocation)
            // Not ended by the signal's default action: it exited, with a status of its own choosing.
            #expect(reason == .exit, "extentcheck \(arguments) died of a signal", sourceLocation: sourceLocation)
        }
        return (result, ended - started)
    }

    /// A running child process, signalled from a dispatch queue, and the signals it was sent.
    final class Child: @unchecked Sendable {
        private let process: Process
        private let lock = NSLock()
        private var signals: [Int32] = []

        init(_ process: Process) { self.process = process }

        /// The signals sent so far.
        var sent: [Int32] { lock.withLock { signals } }

        /// Sends SIGINT after `delay`, once the process handles SIGINT, and with `again` one more that
        /// long after. A SIGINT sent before extentcheck installs its handler would be lost where the
        /// parent ignores SIGINT (a loaded machine, a CI runner), so readiness is read, not guessed.
        func interrupt(after delay: Duration, again: Duration?) {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay.dispatchInterval) { [self] in
                whenCatching(SIGINT) { [self] in
                    signal(SIGINT, after: .zero)
                    if let again { signal(SIGINT, after: again) }
                }
            }
        }

        /// Calls `body` once the process has a handler for `signal`, as Linux's `/proc/PID/status`
        /// says (`SigCgt`), polling every 20 ms; at once where that cannot be read.
        private func whenCatching(_ signal: Int32, _ body: @escaping @Sendable () -> Void) {
            guard process.isRunning else { return }
            let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
            let caught = status?.split(separator: "\n").first { $0.hasPrefix("SigCgt:") }
                .flatMap { UInt64($0.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) }
            guard let caught, caught & (1 << UInt64(signal - 1)) == 0 else { return body() }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { [self] in whenCatching(signal, body) }
        }

        /// Sends `signal` after `delay`, if the process still runs then.
        func signal(_ signal: Int32, after delay: Duration) {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay.dispatchInterval) { [self] in
                lock.withLock {
                    guard process.isRunning else { return }
                    signals.append(signal)
                    kill(process.processIdentifier, signal)
                }
            }
        }
    }
}

extension Duration {
    /// The duration as dispatch counts it.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
