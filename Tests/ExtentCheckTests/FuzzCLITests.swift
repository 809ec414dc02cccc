import Foundation
import Testing

/// `fuzz` end to end: what it prints, saves and exits with.
@Suite struct FuzzCLITests {
    static let qemu = "Models/qemu-cache-none.yaml"

    @Test("fuzz shrinks dio-csum's violation, saves it, and the saved model checks as expected")
    func fuzzSavesALoadableModel() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("race.yaml").path
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policy", "dio-csum", "--invariant", "csum-matches-data", "--seed", "4", "--runs", "6",
            "--max-blocks", "3", "--max-writers", "3", "--max-script", "3", "--max-mutators", "2", "--save", saved,
        ])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.lines.first?.hasPrefix("fuzz dio-csum (seed 4, 6 runs): 3 scenarios checked") == true, "\(run.transcript)")
        #expect(run.stdout.contains("  shrunk: 1 block; writer-1: dio-write block 0; mutator-1: buffer-1, budget 1\n"))
        #expect(run.stdout.contains("5. kernel     complete bio writer-1"), "\(run.transcript)")
        let file = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(file.hasPrefix("# Found by: extentcheck fuzz --policy dio-csum"))
        #expect(file.contains("# Seed: 4\n"))

        let check = try await ExtentCheckTool.run(["check", saved])
        #expect(check.status == 0, "\(check.transcript)")
        #expect(check.stdout.contains("1 model, 1 result: 1 as expected"), "\(check.transcript)")
    }

    @Test("fuzz --exhaustive says holds for all scenarios and exits 0")
    func fuzzExhaustiveHolds() async throws {
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policy", "buffered-fallback", "--exhaustive", "--max-blocks", "1", "--max-script", "1",
        ])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.lines.dropFirst().first?.hasPrefix(
            "csum-matches-data, checksummed, no-deadlock, writes-succeed hold under buffered-fallback for all") == true,
            "\(run.transcript)")
        // One mirror cannot disagree with itself: said so, never that it holds.
        #expect(run.lines.dropFirst(2).first == "mirrors-agree not reachable within these bounds: one mirror; --max-mirrors 2 allows a second",
            "\(run.transcript)")
    }

    @Test("fuzz --table prints every policy's row, and its shards merged print the same table")
    func fuzzTableShardsMerge() async throws {
        let directory = try scratchDirectory("table")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bounds = ["--exhaustive", "--max-blocks", "1", "--max-writers", "1", "--max-script", "2", "--max-budget", "1", "--max-mirrors", "2"]
        let whole = try await ExtentCheckTool.run(["fuzz", "--table", "--save-dir", directory.path] + bounds)
        #expect(whole.status == 1, "\(whole.transcript)")
        #expect(whole.lines.contains("| policy | csum-matches-data | mirrors-agree | checksummed | no-deadlock | writes-succeed |"))
        #expect(whole.lines.contains("| buffered-fallback | holds | holds | holds | holds | holds |"), "\(whole.transcript)")
        #expect(whole.lines.contains { $0.hasPrefix("| dio-csum | violated | violated | holds |") }, "\(whole.transcript)")
        var paths: [String] = []
        for shard in 1...2 {
            let run = try await ExtentCheckTool.run(
                ["fuzz", "--table", "--shard", "\(shard)/2", "--format", "json", "--save-dir", directory.path] + bounds)
            #expect(run.status == 0 || run.status == 1, "\(run.transcript)")
            let path = directory.appendingPathComponent("shard-\(shard).json").path
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let merged = try await ExtentCheckTool.run(["merge"] + paths)
        #expect(merged.status == 1, "\(merged.transcript)")
        // Everything but the first line (counts and times) is the one process's table.
        let table = { (lines: [String]) in lines.dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("saved ") } }
        #expect(table(merged.lines) == table(whole.lines), "\(merged.transcript)")
        #expect(merged.lines.first?.contains("merged from 2 runs") == true)
    }

    @Test("fuzz refuses options that do not go together with exit 2", arguments: [
        (["--policy", "dio-csum", "--shard", "1/2"], "--shard splits an exhaustive run"),
        (["--policy", "dio-csum", "--exhaustive", "--shard", "3/2"], "--shard takes I/N with 1 ≤ I ≤ N, found '3/2'"),
        (["--policy", "dio-csum", "--no-reduce", "--reduce", "por"], "--no-reduce and --reduce contradict each other"),
        (["--policy", "dio-csum", "--resume"], "--resume goes on with a --journal file"),
        (["--policy", "dio-csum", "--policy", "nodatasum"], "give one --policy, or --table for several"),
        ([], "give --policy, or --table for every built-in policy"),
    ])
    func fuzzOptionsThatDoNotGoTogether(arguments: [String], message: String) async throws {
        let run = try await ExtentCheckTool.run(["fuzz"] + arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains(message), "\(run.transcript)")
    }

    @Test("fuzz --max-readers finds the direct-read race, shows its reader and saves it in the model file")
    func fuzzWithReaders() async throws {
        let model = try TemporaryModel(contents: "")
        defer { model.remove() }
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policy", "buffered-fallback", "--exhaustive", "--max-blocks", "1", "--max-writers", "1",
            "--max-script", "1", "--max-budget", "1", "--max-readers", "1", "--save", model.path,
        ])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.lines.dropFirst().first == "reads-succeed violated under buffered-fallback: scenario 19 of the run, shrunk in 0 steps")
        #expect(run.stdout.contains(
            "  shrunk: 1 block; writer-1: fsync; mutator-1: read-buffer-1, budget 1; reader-1: dio-read block 0\n"), "\(run.transcript)")
        let file = try String(contentsOfFile: model.path, encoding: .utf8)
        #expect(file.contains("  read-buffer-1: 1\n"))
        #expect(file.contains("      - dio-read: {into: read-buffer-1, at: 0, blocks: 1}\n"), "\(file)")
        let check = try await ExtentCheckTool.run(["check", model.path])
        #expect(check.status == 0, "\(check.transcript)")
    }

    @Test("fuzz --scrub with mirrors decides §9's scrub invariants and reports the scrubber in JSON")
    func fuzzWithScrubber() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policy", "nodatasum", "--exhaustive", "--max-blocks", "1", "--max-mirrors", "2", "--max-writers", "1",
            "--max-script", "1", "--max-budget", "1", "--scrub", "--invariant", "scrub-finds-damage", "--format", "json",
            "--save-dir", directory.path,
        ])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.stdout.contains("\"scrub\" : true"), "\(run.transcript)")
        #expect(run.stdout.contains("scrubber: {passes: 1}"), "\(run.transcript)")
        let plain = try await ExtentCheckTool.run([
            "fuzz", "--policy", "buffered-fallback", "--exhaustive", "--max-blocks", "1", "--max-script", "1", "--format", "json",
        ])
        #expect(!plain.stdout.contains("\"readers\"") && !plain.stdout.contains("\"scrub\""), "\(plain.transcript)")
        #expect(!plain.stdout.contains("reads-succeed"))
    }

    @Test("fuzz refuses an unknown policy, a bad bound and too many scenarios with exit 2", arguments: [
        (["--policy", "no-such"], "unknown policy 'no-such'"),
        (["--policy", "dio-csum", "--max-mirrors", "3"], "--max-mirrors must be 1 through 2, found 3"),
        (["--policy", "dio-csum", "--max-readers", "9"], "--max-readers must be 0 through 8, found 9"),
        (["--policy", "dio-csum", "--invariant", "nope"], "unknown invariant 'nope'"),
        (["--policy", "dio-csum", "--exhaustive", "--max-blocks", "4", "--max-script", "4"], "more than the exhaustive limit"),
        (["--policy", "dio-csum", "--data", "concrete:200"], "the largest workload within the bounds: concrete:200"),
        (["--policy", "dio-csum", "--save", "/nonexistent/x.yaml"], "--save /nonexistent/x.yaml: cannot write there: no such directory: /nonexistent"),
    ])
    func fuzzBadInput(arguments: [String], message: String) async throws {
        let run = try await ExtentCheckTool.run(["fuzz"] + arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains(message), "\(run.transcript)")
    }

    @Test("fuzz --data concrete:2 checks and saves in concrete mode")
    func fuzzConcrete() async throws {
        let model = try TemporaryModel(contents: "")
        defer { model.remove() }
        let run = try await ExtentCheckTool.run(["fuzz", "--policy", "dio-csum", "--data", "concrete:2", "--seed", "1", "--save", model.path])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.stdout.contains("H(0) disagrees with the stored data, whose checksum is H(1)"), "\(run.transcript)")
        #expect(try String(contentsOfFile: model.path, encoding: .utf8).contains("\ndata: concrete:2\n"))
        let check = try await ExtentCheckTool.run(["check", model.path])
        #expect(check.status == 0, "\(check.transcript)")
    }

    @Test("fuzz takes a custom policy from a model file")
    func fuzzCustomPolicy() async throws {
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policies", "Models/dio-undone-change-raid1.yaml", "--policy", "nodatasum-bounce",
            "--invariant", "mirrors-agree", "--max-mirrors", "2", "--runs", "20", "--seed", "1",
        ])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.contains("no violation of mirrors-agree under nodatasum-bounce in"), "\(run.transcript)")
    }
}
