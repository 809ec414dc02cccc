import Foundation
import Testing

/// `check --coverage`: where each policy's search went, as a table in text and as data in JSON.
@Suite("extentcheck check --coverage")
struct CoverageCLITests {
    @Test("text: a table per policy after its verdicts, before its traces, then the steps never enabled")
    func textTable() async throws {
        let run = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--coverage"])
        #expect(run.status == 0, "\(run.transcript)")
        let start = try #require(run.lines.firstIndex(of: "  coverage:"), "\(run.transcript)")
        #expect(Array(run.lines[start...].prefix(9)) == [
            "  coverage:",
            "    actor     step       transitions  new states",
            "    qemu      dio-write            2           1",
            "    qemu      fsync                4           3",
            "    kernel    csum                 2           2",
            "    kernel    complete             4           3",
            "    device    dma                  3           3",
            "    guest-fs  mutate               6           6",
            "  never enabled: none",
        ])
        let verdict = try #require(run.lines.firstIndex { $0.hasPrefix("  no-deadlock") })
        let trace = try #require(run.lines.firstIndex { $0.contains("counterexample to csum-matches-data") })
        #expect(verdict < start && start < trace)
        #expect(run.stdout.contains("19 states, 21 transitions"), "the rows add up to the figures: \(run.transcript)")
    }

    @Test("text: the steps never enabled, by kind and actor")
    func textNeverEnabled() async throws {
        let run = try await ExtentCheckTool.run(["check", "Models/no-mutator.yaml", "--policy", "dio-verify", "--coverage"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.lines.contains("  never enabled: complete (fails) by kernel"), "\(run.transcript)")
        #expect(run.lines.contains { $0.hasPrefix("    kernel  complete ") }, "\(run.transcript)")
    }

    @Test("JSON: rows with kind, actor, transitions and states, and the steps never enabled; no coverage unless asked")
    func json() async throws {
        let run = try await ExtentCheckTool.run(
            ["check", CLITests.qemu, "--policy", "dio-csum", "--coverage", "--format", "json", "--no-traces"])
        #expect(run.status == 0, "\(run.transcript)")
        let document = try #require(run.json())
        #expect(document["version"] as? Int == 2)
        let policy = try #require(document[array: "models"]?.first?[array: "policies"]?.first)
        let coverage = try #require(policy[object: "coverage"], "\(run.transcript)")
        let steps = try #require(coverage[array: "steps"])
        #expect(steps.count == 6)
        let first = try #require(steps.first)
        #expect(first[string: "kind"] == "dio-write" && first[string: "actor"] == "qemu")
        #expect(first[int: "transitions"] == 2 && first[int: "states"] == 1 && first["fails"] == nil)
        let complete = try #require(steps.first { $0[string: "kind"] == "complete" })
        #expect(complete["fails"] as? Bool == false && complete[string: "actor"] == "kernel")
        #expect(steps.compactMap { $0[int: "transitions"] }.reduce(0, +) == policy[object: "search"]?[int: "transitions"])
        #expect((coverage["neverEnabled"] as? [Any])?.isEmpty == true)

        let plain = try await ExtentCheckTool.run(["check", CLITests.qemu, "--format", "json", "--no-traces"])
        let policies = try #require(plain.json()?[array: "models"]?.first?[array: "policies"])
        #expect(policies.allSatisfy { $0["coverage"] == nil })
    }

    @Test(
        "--coverage is refused where nothing would print it",
        arguments: [
            ["check", CLITests.qemu, "--coverage", "--format", "itf"],
            ["check", CLITests.qemu, "--coverage", "--format", "mermaid"],
            ["check", CLITests.qemu, "--coverage", "--quiet"],
        ])
    func refused(arguments: [String]) async throws {
        let run = try await ExtentCheckTool.run(arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("--coverage"), "\(run.transcript)")
        #expect(run.stdout.isEmpty, "\(run.transcript)")
    }

    @Test("fuzz --coverage sums the workloads' searches per policy, and names the steps none of them enabled")
    func fuzzCoverage() async throws {
        let directory = try scratchDirectory("coverage")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await ExtentCheckTool.run([
            "fuzz", "--policy", "dio-verify", "--exhaustive", "--max-blocks", "1", "--max-writers", "1", "--max-script", "1",
            "--max-mutators", "0", "--coverage", "--format", "json", "--save-dir", directory.path,
        ])
        #expect(run.status == 0, "\(run.transcript)")
        let coverage = try #require(run.json()?[object: "fuzz"]?[object: "coverage"], "\(run.transcript)")
        let steps = try #require(coverage[array: "steps"])
        #expect(steps.contains { $0[string: "kind"] == "dio-write" && $0[string: "actor"] == "writer-1" })
        // Without a mutator nothing changes a buffer under its bio: the verify never fails.
        let never = try #require(coverage[array: "neverEnabled"])
        #expect(never.contains { $0[string: "kind"] == "complete" && $0["fails"] as? Bool == true }, "\(run.transcript)")
    }
}
