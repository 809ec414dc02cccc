import ExtentCheck
import Foundation
import Testing

/// `--swarm I/N` on fuzz and simulate, and `merge` of their JSON results.
@Suite struct SwarmTests {
    /// Runs `arguments` with `--format json` and writes its output to a file in `directory`.
    static func save(_ arguments: [String], as name: String, in directory: URL) async throws -> (path: String, run: CommandResult) {
        let run = try await ExtentCheckTool.run(arguments + ["--format", "json"])
        let path = directory.appendingPathComponent(name).path
        try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, run)
    }

    @Test("fuzz swarm members draw from distinct seeds; merge keeps the smallest shrunk workload and sums the counts")
    func fuzzSwarm() async throws {
        let directory = try scratchDirectory("swarm")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        var seeds: Set<String> = []
        var workloads = 0
        var statuses: [Int32] = []
        for member in 1...3 {
            let (path, run) = try await Self.save(
                [
                    "fuzz", "--policy", "dio-csum", "--invariant", "csum-matches-data", "--seed", "7", "--swarm", "\(member)/3",
                    "--runs", "10", "--max-blocks", "3", "--max-writers", "3", "--save-dir", directory.path,
                ], as: "fuzz-\(member).json", in: directory)
            statuses.append(run.status)
            let fuzz = try #require(run.json()?[object: "fuzz"], "\(run.transcript)")
            #expect(fuzz[object: "swarm"]?[int: "index"] == member)
            seeds.insert("\(fuzz[object: "mode"]?[object: "sample"]?["seed"] ?? "")")
            workloads += fuzz[int: "workloads"] ?? 0
            paths.append(path)
        }
        #expect(seeds.count == 3, "\(seeds)")
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 1 } && statuses.contains(1), "\(statuses)")

        let merged = try await ExtentCheckTool.run(["merge"] + paths + ["--format", "json"])
        #expect(merged.status == 1, "\(merged.transcript)")
        let fuzz = try #require(merged.json()?[object: "fuzz"])
        #expect(fuzz[int: "runs"] == 3)
        #expect(fuzz[int: "workloads"] == workloads)
        let finding = try #require(fuzz[array: "findings"]?.first)
        #expect(finding[string: "model"]?.contains("- dio-write: {from: buffer-1, at: 0, blocks: 1}") == true)

        let text = try await ExtentCheckTool.run(["merge"] + paths)
        #expect(text.lines.first?.hasPrefix("fuzz dio-csum (merged from 3 swarm runs): \(workloads) scenarios checked") == true,
            "\(text.transcript)")
    }

    @Test("simulate swarm members alternate their bias; merge sums the walks and keeps each violation")
    func simulateSwarm() async throws {
        let directory = try scratchDirectory("swarm")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for member in 1...2 {
            let (path, run) = try await Self.save(
                ["simulate", "Models/qemu-cache-none.yaml", "--seed", "3", "--swarm", "\(member)/2", "--runs", "50"],
                as: "simulate-\(member).json", in: directory)
            #expect(run.status == 0, "\(run.transcript)")
            #expect(run.json()?[array: "simulations"]?.first?[string: "bias"] == (member == 1 ? "uniform" : "few-switches"))
            paths.append(path)
        }
        let merged = try await ExtentCheckTool.run(["merge"] + paths)
        #expect(merged.status == 0, "\(merged.transcript)")
        #expect(merged.stdout.contains("100 walks of at most 100 steps, merged from 2 swarm runs, mixed"), "\(merged.transcript)")
        #expect(merged.stdout.contains("csum-matches-data  violated in walk"))
    }

    @Test("merge refuses runs with different crashes, of simulate and of fuzz; a crash shows in the merged text")
    func mergeRefusesOtherCrashes() async throws {
        let directory = try scratchDirectory("swarm")
        defer { try? FileManager.default.removeItem(at: directory) }
        let hunts = [
            (["simulate", "Models/raid1-mirrors.yaml", "--seed", "3", "--runs", "20"], "simulate"),
            (["fuzz", "--policy", "nodatasum", "--max-mirrors", "2", "--exhaustive", "--save-dir", directory.path], "fuzz"),
        ]
        for (arguments, command) in hunts {
            var paths: [String] = []
            for crashes in [1, 0, 1] {
                let (path, _) = try await Self.save(arguments + ["--crashes", "\(crashes)"], as: "\(command)-\(paths.count).json", in: directory)
                paths.append(path)
            }
            let refused = try await ExtentCheckTool.run(["merge"] + paths)
            #expect(refused.status == 2, "\(refused.transcript)")
            #expect(refused.stderr.contains("\(command) results are not of one hunt") && refused.stderr.contains("crashes differ"), "\(refused.transcript)")
            let merged = try await ExtentCheckTool.run(["merge", paths[0], paths[2]])
            #expect(merged.stdout.contains(command == "fuzz" ? "(merged from 2 swarm runs, 1 crash)" : "merged from 2 swarm runs, uniform, 1 crash"),
                "\(merged.transcript)")
        }
    }

    @Test("merge refuses a result of another report format, naming the file and both versions")
    func mergeRefusesAnotherVersion() async throws {
        let directory = try scratchDirectory("swarm")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (current, run) = try await Self.save(
            ["simulate", "Models/qemu-cache-none.yaml", "--seed", "3", "--runs", "5"],
            as: "current.json", in: directory)
        #expect(run.json()?["version"] as? Int == JSONReporter.version, "\(run.transcript)")
        // The same result as a release before version 2 wrote it: no version field.
        var document = try #require(run.json())
        document["version"] = nil
        let earlier = directory.appendingPathComponent("earlier.json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: earlier))
        let merged = try await ExtentCheckTool.run(["merge", current, earlier])
        #expect(merged.status == 2, "\(merged.transcript)")
        #expect(
            merged.stderr.contains("\(earlier) is in report format 1, this extentcheck merges format \(JSONReporter.version)"),
            "\(merged.transcript)")
    }

    @Test("merge refuses results of different hunts, and a bad --swarm", arguments: [
        (["merge", "Models/qemu-cache-none.yaml"], "neither a fuzz nor a simulate result"),
        (["fuzz", "--policy", "dio-csum", "--swarm", "4/3", "--seed", "1"], "--swarm takes I/N with 1 ≤ I ≤ N, found '4/3'"),
        (["fuzz", "--policy", "dio-csum", "--swarm", "1/3"], "--swarm needs the swarm's --seed"),
        (["simulate", "Models/qemu-cache-none.yaml", "--swarm", "x"], "--swarm takes I/N"),
    ])
    func badInput(arguments: [String], message: String) async throws {
        let run = try await ExtentCheckTool.run(arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains(message), "\(run.transcript)")
    }
}
