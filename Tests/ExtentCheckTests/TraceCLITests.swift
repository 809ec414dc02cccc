import ExtentCheck
import Foundation
import Testing

/// `check --format itf|mermaid`, `check --trace-dir` and `replay`, run as a user runs them.
@Suite("trace output and replay on the command line")
struct TraceCLITests {
    @Test("--trace-dir writes every trace three ways, and replay reproduces each")
    func traceDirectoryAndReplay() async throws {
        let directory = try scratchDirectory("traces")
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try await ExtentCheckTool.run(
            ["check", CLITests.qemu, "--policy", "dio-csum", "--policy", "nodatasum", "--trace-dir", directory.path])
        #expect(check.status == 0, "\(check.transcript)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == [
            "qemu-cache-none.dio-csum.csum-matches-data.itf.json", "qemu-cache-none.dio-csum.csum-matches-data.json",
            "qemu-cache-none.dio-csum.csum-matches-data.mmd", "qemu-cache-none.nodatasum.checksummed.itf.json",
            "qemu-cache-none.nodatasum.checksummed.json", "qemu-cache-none.nodatasum.checksummed.mmd",
        ])
        for name in names where name.hasSuffix(".json") {
            let replay = try await ExtentCheckTool.run(["replay", directory.appendingPathComponent(name).path])
            #expect(replay.status == 0, "\(replay.transcript)")
            let steps = name.contains("dio-csum") ? 5 : 3
            #expect(replay.stdout.contains("  violation reproduced at step \(steps)\n"), "\(replay.transcript)")
            #expect(replay.stdout.hasSuffix("  as expected (the model expects violated)\n"), "\(replay.transcript)")
        }
    }

    @Test("a changed trace: replay names the step, exits 1; a model that changed is said")
    func tamperedReplay() async throws {
        let directory = try scratchDirectory("traces")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--trace-dir", directory.path])
        let path = directory.appendingPathComponent("qemu-cache-none.dio-csum.csum-matches-data.json").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        // Step 4's action sent to mirror 1, its text left as it was: replay goes by the action.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        var trace = try #require(json["trace"] as? [String: Any])
        var steps = try #require(trace["steps"] as? [[String: Any]])
        var action = try #require(steps[3]["action"] as? [String: Any])
        #expect(action["mirror"] as? Int == 0)
        action["mirror"] = 1
        steps[3]["action"] = action
        trace["steps"] = steps
        json["trace"] = trace
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let replay = try await ExtentCheckTool.run(["replay", path])
        #expect(replay.status == 1, "\(replay.transcript)")
        #expect(
            replay.stdout.contains(
                "  the trace diverges at step 4: device `dma bio qemu mirror 1 block 0` is not enabled here; "
                    + "enabled are device `dma bio qemu mirror 0 block 0`\n"), "\(replay.transcript)")

        // The same trace on a model whose mutator has a larger budget: changed, and said so.
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let model = try TemporaryModel(
            contents: try String(contentsOfFile: PackagePaths.absolute(CLITests.qemu), encoding: .utf8)
                .replacingOccurrences(of: "budget: 1", with: "budget: 2"))
        defer { model.remove() }
        let changed = try await ExtentCheckTool.run(["replay", path, "--model", model.path])
        #expect(changed.stdout.contains("note: the model has changed since the trace was written"), "\(changed.transcript)")
        #expect(changed.stdout.contains("the trace diverges at the initial state: the state differs: mutators.guest-fs.budget"),
            "\(changed.transcript)")
    }

    @Test("replay of a file that is no trace exits 2 and says why")
    func replayOfANonTrace() async throws {
        let replay = try await ExtentCheckTool.run(["replay", CLITests.qemu])
        #expect(replay.status == 2, "\(replay.transcript)")
        #expect(replay.stderr.hasPrefix("error: \(CLITests.qemu): not a trace extentcheck wrote"), "\(replay.transcript)")
    }

    @Test("a trace file that does not hang together is bad input: exit 2, and what is wrong")
    func malformedTraceFiles() async throws {
        let directory = try scratchDirectory("traces")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--trace-dir", directory.path])
        let base = directory.appendingPathComponent("qemu-cache-none.dio-csum.csum-matches-data")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base.path + ".json"))) as! [String: Any]
        let itf = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base.path + ".itf.json"))) as! [String: Any]

        var noStates = json
        var trace = noStates["trace"] as! [String: Any]
        trace["states"] = []
        noStates["trace"] = trace
        var renumbered = json
        trace = renumbered["trace"] as! [String: Any]
        var steps = trace["steps"] as! [[String: Any]]
        steps[2]["number"] = 7
        trace["steps"] = steps
        renumbered["trace"] = trace
        var noVars = itf
        noVars["vars"] = [String]()
        var reassigned = json
        trace = reassigned["trace"] as! [String: Any]
        steps = trace["steps"] as! [[String: Any]]
        var action = steps[1]["action"] as! [String: Any]
        action["actor"] = "device"
        steps[1]["action"] = action
        trace["steps"] = steps
        reassigned["trace"] = trace
        var noAction = itf
        var states = noAction["states"] as! [[String: Any]]
        var meta = states[2]["#meta"] as! [String: Any]
        meta["action"] = nil
        meta["step"] = nil
        states[2]["#meta"] = meta
        noAction["states"] = states
        for (name, document, problem) in [
            ("reassigned.json", reassigned, "step 2 is taken by kernel, but its action by device"),
            ("no-action.itf.json", noAction, "'action' is missing from the #meta of state 2"),
            ("no-states.json", noStates, "it has 0 states for 5 steps"),
            ("renumbered.json", renumbered, "step 3 is numbered 7"),
            ("no-vars.itf.json", noVars, "its vars are ; an extentcheck trace has writers, mutators"),
        ] {
            let path = directory.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
            let replay = try await ExtentCheckTool.run(["replay", path])
            #expect(replay.status == 2, "\(replay.transcript)")
            #expect(replay.stderr.hasPrefix("error: \(path): \(problem)"), "\(replay.transcript)")
        }
    }

    @Test("--format itf prints one ITF document a line")
    func itfLines() async throws {
        let run = try await ExtentCheckTool.run(["check", CLITests.qemu, "--format", "itf"])
        #expect(run.status == 0, "\(run.transcript)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4, "one per violation: dio-csum, nodatasum, dio-skip-csum, nodatasum-mount")
        for line in lines {
            let document = try JSONDecoder().decode(ITFTrace.self, from: Data(line.utf8))
            #expect(document.vars == ["writers", "mutators", "buffers", "folios", "bios", "stored", "readers", "scrubbers", "crashes"])
            #expect(try document.traceDocument().model == "qemu-cache-none")
        }
    }

    @Test("--format mermaid: a sequence diagram that parses back into its lanes and messages")
    func mermaidParsesBack() async throws {
        let run = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--format", "mermaid"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.stdout.hasPrefix("### qemu-cache-none · dio-csum · csum-matches-data\n\n```mermaid\n"))
        let body = run.stdout.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "```")[0]
        let diagram = try #require(SequenceDiagram(parsing: body))
        #expect(diagram.lanes == ["qemu", "guest-fs", "kernel", "device", "disk"])
        #expect(diagram.messages.map { "\($0.from)->\($0.to): \($0.text)" } == [
            "qemu->kernel: 1. dio-write guest-page at 0 len 1 (direct)",
            "kernel->kernel: 2. csum bio qemu block 0",
            "guest-fs->guest-fs: 3. mutate guest-page word 0",
            "device->device: 4. dma bio qemu mirror 0 block 0",
            "kernel->disk: 5. complete bio qemu",
        ])
        #expect(diagram.shaded == [5], "the violating step is marked")
        #expect(diagram.notes.contains { $0.lanes == ["guest-fs"] && $0.text.hasPrefix("guest-page block 0: 0x") })
        #expect(diagram.notes.last?.text.hasPrefix("✗ csum-matches-data: stored block 0: the stored checksum") == true)
    }
}

/// The subset of Mermaid's sequence diagrams that extentcheck writes, parsed strictly: any other
/// line fails the parse.
struct SequenceDiagram {
    struct Message {
        var from: String
        var to: String
        var text: String
    }
    struct Note {
        var lanes: [String]
        var text: String
    }

    var lanes: [String] = []
    var messages: [Message] = []
    var notes: [Note] = []
    /// The numbers of the messages inside `rect … end`.
    var shaded: [Int] = []

    init?(parsing text: String) {
        var names: [String: String] = [:]
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first?.hasPrefix("%%{init:") == true else { return nil }
        lines.removeFirst()
        guard lines.first == "sequenceDiagram" else { return nil }
        var inRect = false
        for line in lines.dropFirst() {
            if line.hasPrefix("title ") { continue }
            if line.hasPrefix("participant ") {
                let parts = line.dropFirst("participant ".count).components(separatedBy: " as ")
                guard parts.count == 2 else { return nil }
                names[parts[0]] = parts[1]
                lanes.append(parts[1])
            } else if line.hasPrefix("rect ") {
                inRect = true
            } else if line == "end" {
                inRect = false
            } else if line.hasPrefix("Note ") {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let head = line[..<colon]
                let ids: [String]
                if head.hasPrefix("Note over ") {
                    ids = head.dropFirst("Note over ".count).components(separatedBy: ",")
                } else if head.hasPrefix("Note right of ") {
                    ids = [String(head.dropFirst("Note right of ".count))]
                } else {
                    return nil
                }
                guard ids.allSatisfy({ names[$0] != nil }) else { return nil }
                notes.append(Note(lanes: ids.map { names[$0]! }, text: String(line[line.index(after: colon)...].dropFirst())))
            } else {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let head = String(line[..<colon])
                guard let arrow = ["->>", "--x", "-x"].first(where: head.contains) else { return nil }
                let ends = head.components(separatedBy: arrow)
                guard ends.count == 2, let from = names[ends[0]], let to = names[ends[1]] else { return nil }
                // Mermaid shows its entity codes as the characters they stand for.
                let message = String(line[line.index(after: colon)...].dropFirst())
                    .replacingOccurrences(of: "#59;", with: ";").replacingOccurrences(of: "#35;", with: "#")
                messages.append(Message(from: from, to: to, text: message))
                if inRect, let number = Int(message.prefix { $0 != "." }) { shaded.append(number) }
            }
        }
    }
}
