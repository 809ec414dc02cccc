import ExtentCheck
import Foundation
import Testing

/// The `extentcheck` executable run as a subprocess: its output and exit status
/// (0 as expected, 1 unexpected, 2 bad input, 3 unknown).
@Suite("extentcheck command line")
struct CLITests {
    static let qemu = "Models/qemu-cache-none.yaml"

    /// The QEMU scenario with a wrong expectation: dio-csum is expected to hold.
    static let qemuExpectingHolds = """
        name: qemu-expects-holds
        about: The QEMU cache=none scenario, wrongly expecting dio-csum to hold.
        blocks: 1
        buffers:
          guest-page: 1
        actors:
          qemu:
            writer:
              - dio-write: {from: guest-page, at: 0, blocks: 1}
              - fsync
          guest-fs:
            mutator: {target: guest-page, budget: 1}
        policies: [dio-csum, buffered-fallback]
        invariants: [csum-matches-data, checksummed, no-deadlock]
        expect:
          dio-csum: holds
          buffered-fallback: holds
        """

    // MARK: - Reports

    @Test("text report of the QEMU model: every policy, the 5-step counterexample, the summary")
    func textReport() async throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(Self.qemu))
        let run = try await ExtentCheckTool.run(["check", Self.qemu])
        #expect(run.status == 0, "\(run.transcript)")

        for policy in scenario.policies {
            #expect(run.lines.contains { $0.hasPrefix("policy \(policy.name)") }, "no line for policy \(policy.name)")
        }
        #expect(run.lines.contains { $0.contains("csum-matches-data") && $0.contains("violated") })

        // The dio-csum counterexample: numbered steps up to the `=>` conclusion.
        let start = try #require(run.lines.firstIndex { $0.contains("counterexample to csum-matches-data") })
        let end = try #require(run.lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("=>") })
        let stepLine = /^\s*(\d+)\.\s+(\S+)\s+(.+)$/
        let steps = run.lines[start..<end].compactMap { try? stepLine.wholeMatch(in: $0) }
        #expect(steps.map { Int($0.output.1) } == [1, 2, 3, 4, 5])
        let kinds = ["dio-write", "csum", "mutate", "dma", "complete"]
        for (step, kind) in zip(steps, kinds) {
            #expect(step.output.3.hasPrefix(kind), "step \(step.output.1) is '\(step.output.3)', expected \(kind)")
        }

        let summary = /(\d+) results?: (\d+) as expected, (\d+) unexpected, (\d+) unknown/
        let last = try #require(run.lines.last { !$0.isEmpty })
        let match = try #require(try summary.firstMatch(in: last), "no summary in '\(last)'")
        let total = scenario.policies.count * scenario.invariants.count
        #expect(Int(match.output.1) == total)
        #expect(Int(match.output.2) == total)
        #expect(Int(match.output.3) == 0)
        #expect(Int(match.output.4) == 0)
    }

    @Test("JSON report of the QEMU model: status, policies, the dio-csum trace, search and solver figures")
    func jsonReport() async throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(Self.qemu))
        let run = try await ExtentCheckTool.run(["check", Self.qemu, "--format", "json"])
        #expect(run.status == 0, "\(run.transcript)")
        let document = try #require(run.json())
        #expect(document[string: "status"] == "as-expected")

        let model = try #require(document[array: "models"]?.first)
        let policies = try #require(model[array: "policies"])
        #expect(policies.map { $0[string: "policy"] } == scenario.policies.map(\.name))
        for policy in policies {
            let name = policy[string: "policy"] ?? "?"
            #expect(policy[object: "search"]?[int: "states"].map { $0 > 0 } == true, "\(name): search.states")
            #expect(policy[object: "search"]?[int: "transitions"] != nil, "\(name): search.transitions")
            #expect(policy[object: "solver"]?[int: "calls"] != nil, "\(name): solver.calls")
        }

        let dioCsum = try #require(policies.first { $0[string: "policy"] == "dio-csum" })
        let result = try #require(dioCsum[array: "results"]?.first { $0[string: "property"] == "csum-matches-data" })
        #expect(result[string: "verdict"] == "violated")
        let steps = try #require(result[object: "trace"]?[array: "steps"])
        #expect(steps.count == 5)
        for (index, step) in steps.enumerated() {
            #expect(step[string: "actor"]?.isEmpty == false, "step \(index + 1): actor")
            #expect(step[string: "step"]?.isEmpty == false, "step \(index + 1): step")
            #expect(step[array: "changes"]?.isEmpty == false, "step \(index + 1): changes")
        }
        let kinds = ["dio-write", "csum", "mutate", "dma", "complete"]
        #expect(zip(steps, kinds).allSatisfy { $0[string: "step"]?.hasPrefix($1) == true }, "\(steps.map { $0["step"] })")
        // Each step's action, as data: what replay goes by.
        let actions = steps.compactMap { $0[object: "action"] }
        #expect(actions.map { $0[string: "kind"] } == kinds)
        #expect(actions.map { $0[string: "actor"] } == steps.map { $0[string: "actor"] })
        #expect(actions[3][string: "bio"] == "bio qemu" && actions[3][int: "mirror"] == 0 && actions[3][int: "block"] == 0)
        #expect(actions[2][string: "buffer"] == "guest-page" && actions[2][int: "word"] == 0 && actions[2]["value"] == nil)
    }

    @Test("--policy and --invariant check only that pair")
    func policyAndInvariantSelection() async throws {
        let run = try await ExtentCheckTool.run(
            ["check", Self.qemu, "--policy", "dio-csum", "--invariant", "csum-matches-data", "--format", "json"])
        #expect(run.status == 0, "\(run.transcript)")
        let policies = try #require(run.json()?[array: "models"]?.first?[array: "policies"])
        #expect(policies.map { $0[string: "policy"] } == ["dio-csum"])
        let results = policies.first?[array: "results"] ?? []
        #expect(results.map { $0[string: "property"] } == ["csum-matches-data"])
        #expect(results.first?[string: "verdict"] == "violated")
    }

    @Test("--no-traces reports the same verdicts without any trace")
    func noTraces() async throws {
        let run = try await ExtentCheckTool.run(["check", Self.qemu, "--policy", "dio-csum", "--no-traces", "--format", "json"])
        #expect(run.status == 0, "\(run.transcript)")
        let results = try #require(run.json()?[array: "models"]?.first?[array: "policies"]?.first?[array: "results"])
        #expect(results.first { $0[string: "property"] == "csum-matches-data" }?[string: "verdict"] == "violated")
        #expect(results.allSatisfy { $0["trace"] == nil }, "\(run.stdout)")
    }

    @Test("a verdict other than the expected one exits 1")
    func unexpectedVerdict() async throws {
        let model = try TemporaryModel(contents: Self.qemuExpectingHolds)
        defer { model.remove() }

        let text = try await ExtentCheckTool.run(["check", model.path])
        #expect(text.status == 1, "\(text.transcript)")
        #expect(text.lines.contains { $0.contains("csum-matches-data") && $0.contains("UNEXPECTED") }, "\(text.stdout)")

        let json = try await ExtentCheckTool.run(["check", model.path, "--format", "json"])
        #expect(json.status == 1, "\(json.transcript)")
        let document = try #require(json.json())
        #expect(document[string: "status"] == "unexpected")
        let policies = document[array: "models"]?.first?[array: "policies"] ?? []
        let statuses = policies.flatMap { policy in
            (policy[array: "results"] ?? []).map {
                "\(policy[string: "policy"] ?? "?")/\($0[string: "property"] ?? "?"): \($0[string: "status"] ?? "?")"
            }
        }
        // Only the race is unexpected; everything else holds as expected.
        #expect(statuses.filter { $0.hasSuffix("unexpected") } == ["dio-csum/csum-matches-data: unexpected"])
        #expect(statuses.count == 6, "\(statuses)")
    }

    // MARK: - Limits

    @Test(
        "a limit makes a verdict unknown and exits 3",
        arguments: [("--max-states", "3", "max-states"), ("--max-depth", "2", "max-depth")])
    func limitMakesUnknown(option: String, value: String, word: String) async throws {
        let base = ["check", Self.qemu, "--policy", "buffered-fallback", "--format", "json"]
        let full = try await ExtentCheckTool.run(base)
        let fullResults = full.json()?[array: "models"]?.first?[array: "policies"]?.first?[array: "results"] ?? []
        #expect(full.status == 0 && !fullResults.isEmpty, "without a limit: \(full.transcript)")
        #expect(fullResults.allSatisfy { $0[string: "verdict"] == "holds" }, "buffered-fallback violates nothing")

        let limited = try await ExtentCheckTool.run(base + [option, value])
        #expect(limited.status == 3, "\(limited.transcript)")
        let document = try #require(limited.json())
        #expect(document[string: "status"] == "unknown")
        let policy = try #require(document[array: "models"]?.first?[array: "policies"]?.first)
        #expect(policy[string: "limit"]?.contains(word) == true, "limit: \(policy["limit"] ?? "none")")
        let results = policy[array: "results"] ?? []
        #expect(results.count == fullResults.count)
        for result in results {
            let invariant = result[string: "property"] ?? "?"
            #expect(result[string: "verdict"] == "unknown", "\(invariant)")
            #expect(result[string: "reason"]?.contains(word) == true, "\(invariant): reason \(result["reason"] ?? "none")")
        }
    }

    static let limits: [[String]] =
        [1, 3, 8, 18, 19, 40].map { ["--max-states", "\($0)"] } + [0, 2, 4, 5, 6, 7].map { ["--max-depth", "\($0)"] }

    @Test(
        "a limit never turns into holds, and the exit status follows the worst result",
        arguments: ["Models/qemu-cache-none.yaml", "Models/threaded-dio.yaml"], limits)
    func limitNeverHolds(file: String, limit: [String]) async throws {
        let run = try await ExtentCheckTool.run(["check", file, "--format", "json"] + limit)
        let document = try #require(run.json())
        let expectedStatus: [String: Int32] = ["as-expected": 0, "unexpected": 1, "unknown": 3]
        #expect(expectedStatus[document[string: "status"] ?? ""] == run.status, "\(run.transcript)")

        for policy in document[array: "models"]?.first?[array: "policies"] ?? [] {
            let name = policy[string: "policy"] ?? "?"
            let verdicts = (policy[array: "results"] ?? []).map { $0[string: "verdict"] ?? "?" }
            if let limit = policy[string: "limit"] {
                #expect(!verdicts.contains("holds"), "\(name) stopped by \(limit) but reports \(verdicts)")
            } else {
                #expect(!verdicts.contains("unknown"), "\(name) finished but reports \(verdicts)")
            }
        }
    }

    // MARK: - Bad input

    struct BadArguments: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// A word standard error must contain.
        var mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "bad input exits 2 and checks nothing",
        arguments: [
            BadArguments(arguments: ["check", "Models/no-such-model.yaml"], mentions: "Models/no-such-model.yaml"),
            BadArguments(arguments: ["check", qemu, "--policy", "nope"], mentions: "nope"),
            BadArguments(arguments: ["check", qemu, "--invariant", "nope"], mentions: "nope"),
            BadArguments(arguments: ["check", qemu, "--invariant", "mirrors-agree"], mentions: "mirrors-agree"),
            BadArguments(arguments: ["check", qemu, "--strategy", "sideways"], mentions: "sideways"),
            BadArguments(arguments: ["check", qemu, "--max-states", "0"], mentions: "max-states"),
            BadArguments(arguments: ["check"], mentions: "file"),
            BadArguments(arguments: ["check", "Models"], mentions: "is a directory"),
            BadArguments(arguments: ["check", "/dev/null"], mentions: "it is a character device, not a regular file"),
        ])
    func badInput(_ bad: BadArguments) async throws {
        let run = try await ExtentCheckTool.run(bad.arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(!run.lines.contains { $0.hasPrefix("policy ") || $0.hasPrefix("model ") }, "\(run.transcript)")
        #expect(run.stderr.contains(bad.mentions), "\(run.transcript)")
    }

    @Test("a model file with an unknown key: exit 2, and stderr names the file, the line and the key")
    func unknownKey() async throws {
        var lines = Self.qemuExpectingHolds.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("buffers:") })
        lines.insert("extra-knob: 3", at: index)
        let model = try TemporaryModel(contents: lines.joined(separator: "\n"))
        defer { model.remove() }

        let run = try await ExtentCheckTool.run(["check", model.path])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(!run.lines.contains { $0.hasPrefix("policy ") }, "\(run.transcript)")
        #expect(run.stderr.contains("\(model.path):\(index + 1)"), "\(run.stderr)")
        #expect(run.stderr.contains("extra-knob"), "\(run.stderr)")
    }

    @Test("with a bad second file nothing is printed for the good first one")
    func badSecondFile() async throws {
        let model = try TemporaryModel(contents: Self.qemuExpectingHolds + "\nextra-knob: 3\n")
        defer { model.remove() }

        let run = try await ExtentCheckTool.run(["check", Self.qemu, model.path])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(run.transcript)")
        #expect(run.stderr.contains(model.path), "\(run.stderr)")
    }

    @Test("--no-traces names the one option it leaves with nothing to write, and text output still works")
    func noTracesConflicts() async throws {
        let directory = try scratchDirectory("no-traces")
        defer { try? FileManager.default.removeItem(at: directory) }
        let refused = try await ExtentCheckTool.run(["check", Self.qemu, "--no-traces", "--trace-dir", directory.path])
        #expect(refused.status == 2, "\(refused.transcript)")
        #expect(refused.stderr.contains("--no-traces leaves nothing for --trace-dir to write."), "\(refused.stderr)")
        #expect(!refused.stderr.contains("--format"), "\(refused.stderr)")
        let text = try await ExtentCheckTool.run(["check", Self.qemu, "--no-traces"])
        #expect(text.status == 0, "\(text.transcript)")
    }

    // MARK: - Policies and help

    /// §3 of the contract: name, O_DIRECT path, checksum on O_DIRECT data (nil: n/a), on buffered data, stable pages.
    static let policyTable: [(String, String, Bool?, Bool, Bool)] = [
        ("dio-csum", "direct", true, true, true),
        ("buffered-fallback", "buffered", nil, true, true),
        ("nodatasum", "direct", false, false, true),
        ("dio-skip-csum", "direct", false, true, true),
        ("nodatasum-mount", "direct", false, false, true),
        ("dio-bounce", "bounce", true, true, true),
        ("unstable-pages", "buffered", nil, true, false),
        ("dup-fallback", "buffered-if-mirrored", false, false, true),
        ("dio-verify", "direct", true, true, true),
        ("dio-pinned", "direct", true, true, true),
        ("pi-guard", "direct", true, true, true),
        ("pi-guard-bounce", "bounce", true, true, true),
        ("pi-guard-unstable", "buffered", nil, true, false),
        ("bounce-all", "bounce", true, true, false),
        ("nodatasum-unstable", "buffered-if-mirrored", false, false, false),
        ("md-raid1", "direct", false, false, true),
    ]

    /// The columns of §8 of the built-in policies that set one: verify, device-check, user-pages, writeback-source.
    static let mechanismTable: [String: [String]] = [
        "dio-verify": ["after-dma", "none", "writable", "folio"],
        "dio-pinned": ["none", "none", "write-protected", "folio"],
        "pi-guard": ["none", "guard", "writable", "folio"],
        "pi-guard-bounce": ["none", "guard", "writable", "folio"],
        "pi-guard-unstable": ["none", "guard", "writable", "folio"],
        "bounce-all": ["none", "none", "writable", "copy"],
    ]

    /// The columns of §9 of the built-in policies that set one: direct-read, read-failure, read-repair, scrub.
    static let readTable: [String: [String]] = [
        "dio-verify": ["user-pages", "reread-stable", "no", "checksums"],
        "dio-pinned": ["user-pages", "reread-stable", "no", "checksums"],
        "md-raid1": ["user-pages", "next-mirror", "yes", "compare-copies"],
    ]

    @Test("`policies` prints the sixteen built-in policies with every column")
    func policiesTable() async throws {
        let run = try await ExtentCheckTool.run(["policies"])
        #expect(run.status == 0, "\(run.transcript)")
        let rows = run.lines.filter { !$0.isEmpty }.map { line in
            line.split(separator: /\s{2,}/).map(String.init)
        }
        let header = try #require(rows.first)
        #expect(
            Array(header.prefix(13)) == [
                "policy", "dio-path", "dio-checksum", "buffered-checksum", "stable-pages", "verify", "device-check",
                "user-pages", "writeback-source", "direct-read", "read-failure", "read-repair", "scrub",
            ])
        #expect(rows.count == 1 + Self.policyTable.count, "\(run.stdout)")
        let yesNo = { (value: Bool) in value ? "yes" : "no" }
        for (name, path, dioChecksum, bufferedChecksum, stable) in Self.policyTable {
            guard let row = rows.first(where: { $0.first == name }) else {
                Issue.record("no row for \(name) in\n\(run.stdout)")
                continue
            }
            #expect(row.count >= 13, "\(row)")
            guard row.count >= 13 else { continue }
            let mechanisms = Self.mechanismTable[name] ?? ["none", "none", "writable", "folio"]
            #expect(Array(row[5..<9]) == mechanisms, "\(name): the columns of §8")
            let reads = Self.readTable[name] ?? ["user-pages", "next-mirror", "yes", "checksums"]
            #expect(Array(row[9..<13]) == reads, "\(name): the columns of §9")
            #expect(row[1] == path, "\(name): dio-path")
            if let dioChecksum { #expect(row[2] == yesNo(dioChecksum), "\(name): dio-checksum") }
            #expect(row[3] == yesNo(bufferedChecksum), "\(name): buffered-checksum")
            #expect(row[4] == yesNo(stable), "\(name): stable-pages")
        }
    }

    @Test("`schema` prints the model-file schema the repository ships, byte for byte")
    func schemaIsTheShippedOne() async throws {
        let run = try await ExtentCheckTool.run(["schema"])
        #expect(run.status == 0, "\(run.transcript)")
        let shipped = try String(contentsOfFile: PackagePaths.absolute("Schemas/model-file.schema.json"), encoding: .utf8)
        #expect(run.stdout == shipped, "regenerate it: swift run extentcheck schema > Schemas/model-file.schema.json")
    }

    /// Whether `help` documents exit status `code` ("0 when ...", "2 for ...").
    static func documentsExitStatus(_ code: Int, in help: String) -> Bool {
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.contains("\(code) when") || words.contains("\(code) for")
    }

    @Test("`check --help` documents the limits and the exit statuses")
    func checkHelp() async throws {
        let run = try await ExtentCheckTool.run(["check", "--help"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.contains("--max-states"))
        #expect(run.stdout.contains("--max-depth"))
        for code in [0, 1, 2, 3, 4] {
            #expect(Self.documentsExitStatus(code, in: run.stdout), "exit status \(code) in:\n\(run.stdout)")
        }
    }

    @Test("`--help` documents the exit statuses")
    func rootHelp() async throws {
        let run = try await ExtentCheckTool.run(["--help"])
        #expect(run.status == 0, "\(run.transcript)")
        for code in [0, 1, 2, 3, 4] {
            #expect(Self.documentsExitStatus(code, in: run.stdout), "exit status \(code) in:\n\(run.stdout)")
        }
    }

    // MARK: - Search strategy and storage

    /// Per policy: states and transitions of a JSON report's first model.
    static func counts(_ run: CommandResult) -> [String: [Int?]] {
        let policies = run.json()?[array: "models"]?.first?[array: "policies"] ?? []
        return Dictionary(
            policies.map { policy in
                let search = policy[object: "search"]
                return (policy[string: "policy"] ?? "?", [search?[int: "states"], search?[int: "transitions"]])
            },
            uniquingKeysWith: { first, _ in first })
    }

    @Test("depth-first search finds the dio-csum violation and explores as many states as bfs")
    func depthFirst() async throws {
        let dfs = try await ExtentCheckTool.run(["check", Self.qemu, "--strategy", "dfs", "--format", "json"])
        #expect(dfs.status == 0, "\(dfs.transcript)")
        let policies = dfs.json()?[array: "models"]?.first?[array: "policies"] ?? []
        let dioCsum = policies.first { $0[string: "policy"] == "dio-csum" }
        let result = dioCsum?[array: "results"]?.first { $0[string: "property"] == "csum-matches-data" }
        #expect(result?[string: "verdict"] == "violated")
        #expect(result?[object: "trace"]?[array: "steps"]?.isEmpty == false)

        let bfs = try await ExtentCheckTool.run(["check", Self.qemu, "--strategy", "bfs", "--format", "json"])
        #expect(bfs.status == 0, "\(bfs.transcript)")
        let bfsCounts = Self.counts(bfs)
        #expect(!bfsCounts.isEmpty)
        #expect(Self.counts(dfs) == bfsCounts)
    }

    @Test("exact storage counts the same states as fingerprints", arguments: PackagePaths.modelFiles)
    func exactStorage(file: String) async throws {
        let fingerprints = try await ExtentCheckTool.run(["check", file, "--format", "json"])
        let exact = try await ExtentCheckTool.run(["check", file, "--storage", "exact", "--format", "json"])
        #expect(fingerprints.status == 0, "\(fingerprints.transcript)")
        #expect(exact.status == 0, "\(exact.transcript)")
        let counts = Self.counts(fingerprints)
        #expect(!counts.isEmpty && counts.values.allSatisfy { $0.allSatisfy { $0 != nil } }, "\(counts)")
        #expect(Self.counts(exact) == counts)
        let probabilities = exact.json()?[array: "models"]?.first?[array: "policies"]?.map {
            ($0["collisionProbability"] as? Double) ?? -1
        }
        #expect(probabilities?.allSatisfy { $0 == 0 } == true, "exact storage has no collisions: \(probabilities ?? [])")
    }

    @Test("--memory-limit ends a search cleanly: unknown verdicts, figures kept, exit 3")
    func memoryLimit() async throws {
        let run = try await ExtentCheckTool.run(
            ["check", "Benchmarks/Models/five-blocks-concrete.yaml", "--memory-limit", "1M", "--workers", "1"])
        #expect(run.status == 3, "\(run.transcript)")
        #expect(run.stdout.contains("  stopped early: limit memory-limit 1 MiB\n"), "\(run.transcript)")
        #expect(run.stdout.contains("csum-matches-data  unknown   UNKNOWN: limit memory-limit 1 MiB reached"), "\(run.transcript)")
        let bad = try await ExtentCheckTool.run(["check", CLITests.qemu, "--memory-limit", "lots"])
        #expect(bad.status == 2 && bad.stderr.contains("--memory-limit takes a size such as 512M or 2G"), "\(bad.transcript)")
    }
}

extension CLITests {
    @Test("export writes a Promela model, asserting only the invariants named; bad modes and names exit 2")
    func exportToPromela() async throws {
        let run = try await ExtentCheckTool.run(
            ["export", CLITests.qemu, "--policy", "dio-csum", "--data", "concrete:3", "--invariant", "csum-matches-data"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.contains("init {") && run.stdout.contains("if :: buf0[0] = 0 :: buf0[0] = 1 :: buf0[0] = 2 fi;"))
        #expect(run.stdout.contains("assert(csum_matches_data)") && !run.stdout.contains("assert(no_deadlock)"))
        // Without no-deadlock, a stuck state is a proper end for SPIN.
        #expect(run.stdout.contains("end: do"))

        let directory = try scratchDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.pml").path
        let written = try await ExtentCheckTool.run(["export", CLITests.qemu, "--policy", "dio-csum", "--data", "concrete:2", "-o", path])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.transcript)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("assert(no_deadlock)"))

        let symbolic = try await ExtentCheckTool.run(["export", CLITests.qemu, "--policy", "dio-csum", "--data", "symbolic"])
        #expect(symbolic.status == 2 && symbolic.stderr.contains("--data must be concrete:K"), "\(symbolic.transcript)")
        let policy = try await ExtentCheckTool.run(["export", CLITests.qemu, "--policy", "nope", "--data", "concrete:2"])
        #expect(policy.status == 2 && policy.stderr.contains("nope"), "\(policy.transcript)")
        let invariant = try await ExtentCheckTool.run(
            ["export", CLITests.qemu, "--policy", "dio-csum", "--data", "concrete:2", "--invariant", "mirrors-agree"])
        #expect(invariant.status == 2 && invariant.stderr.contains("does not decide 'mirrors-agree'"), "\(invariant.transcript)")
    }
}
