import ExtentCheck
import Foundation
import Reproducer
import Testing

@Suite struct ReproductionTests {
    @Test("the seed's counterexample becomes its writer, its mutator's change and its initial words")
    func seedCounterexample() throws {
        let reproduction = try BundledReproductions.reproduction(
            "qemu-cache-none",
            policy: "dio-csum", invariant: "csum-matches-data")
        let trace = try #require(reproduction.document?.trace)
        #expect(reproduction.steps.count == 5)
        #expect(reproduction.fileSetting == .checksummed)
        #expect(reproduction.writers.map(\.script) == [[.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync]])

        // The mutator changes word 0 of the guest page between the values the trace gives it.
        let mutate = try #require(trace.steps.first { $0.actor == "guest-fs" })
        let change = try #require(mutate.changes.first { $0.what == "guest-page block 0" })
        let plan = try #require(reproduction.mutators.first)
        #expect(plan.name == "guest-fs")
        #expect(plan.changes.count == 1)
        #expect(plan.changes.first.map { "0x" + String($0.from, radix: 16) } == change.before)
        #expect(plan.changes.first.map { "0x" + String($0.to, radix: 16) } == change.after)
        #expect(plan.changes.first?.buffer == 0)
        #expect(reproduction.verdicts["dio-csum"]?["csum-matches-data"] == .violated)
        #expect(reproduction.verdicts["buffered-fallback"]?["csum-matches-data"] == .holds)
    }

    @Test("a policy that checksums nothing makes a chattr +C file; one that holds has no counterexample")
    func settingsAndPoliciesThatHold() throws {
        let nodatasum = try BundledReproductions.reproduction("raid1-mirrors", policy: "nodatasum", invariant: "mirrors-agree")
        #expect(nodatasum.fileSetting == .noDataChecksums)
        #expect(nodatasum.mirrors == 2)
        #expect(!nodatasum.steps.isEmpty)
        #expect(nodatasum.runnerScript().contains("dup-fallback) echo nodatasum ;;"))
        let fstests = nodatasum.fstestsCase(number: 42).script
        #expect(fstests.contains("_scratch_pool_mkfs \"-d raid1 -m raid1\""))
        #expect(fstests.contains("$CHATTR_PROG +C"))
        #expect(fstests.contains("_fixed_by_kernel_commit 7c2830f00c3e"))
        #expect(fstests.hasSuffix("echo \"Silence is golden\"\n_exit 0\n"))

        let fallback = try BundledReproductions.reproduction("raid1-mirrors", policy: "buffered-fallback")
        #expect(fallback.document == nil)
        #expect(fallback.steps.isEmpty)
        #expect(fallback.fileSetting == .checksummed)
        // Without a trace every word of the mutator's target changes, in every bit.
        #expect(fallback.mutators.first?.changes.map { $0.from ^ $0.to } == [UInt32.max])
    }

    @Test("a page-cache mutator changes the folio the trace changes, through the file's mapping")
    func pageCacheMutator() throws {
        let reproduction = try BundledReproductions.reproduction(
            "mmap-during-writeback", policy: "unstable-pages", invariant: "csum-matches-data")
        let change = try #require(reproduction.mutators.first?.changes.first)
        #expect(change.buffer == nil)
        #expect(change.block == 0)
        #expect(reproduction.writers.first?.script.first == .bufferedWrite(IORange(buffer: 0, at: 0, blocks: 1)))
        #expect(reproduction.cProgram().contains("{PAGE_CACHE, 0, 0,"))
    }

    @Test("an invariant the model does not decide, or one stated in Swift, is refused")
    func refusals() throws {
        #expect(throws: ReproductionError.self) {
            _ = try BundledReproductions.reproduction("qemu-cache-none", policy: "dio-csum", invariant: "mirrors-agree")
        }
        var scenario = try ExtentChecker.loadModel(
            at: BundledReproductions.root.appendingPathComponent("Models/qemu-cache-none.yaml").path)
        scenario.invariants.append(.always("never-empty", meaning: "a stated property") { _ in [] })
        let report = try ExtentChecker(options: CheckOptions(policies: ["dio-csum"])).check(scenario)
        #expect(throws: ReproductionError.notBuiltIn("never-empty")) {
            _ = try Reproduction(scenario: scenario, policy: "dio-csum", invariant: "never-empty", report: report, modelText: "")
        }
        #expect(throws: ReproductionError.policyNotChecked("nodatasum", checked: ["dio-csum"])) {
            _ = try Reproduction(scenario: scenario, policy: "nodatasum", report: report, modelText: "")
        }
    }

    @Test(
        "the C program of every reproduction of every bundled model compiles warning-free",
        .enabled(if: Shell.has("cc"), "needs a C compiler (Debian: apt-get install gcc)"),
        arguments: BundledReproductions.writingModelFiles)
    func programsCompile(file: String) throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproductions = try BundledReproductions.all(of: file)
        #expect(!reproductions.isEmpty)
        var seen = Set<String>()
        for (index, reproduction) in reproductions.enumerated() {
            let program = reproduction.cProgram()
            guard seen.insert(program).inserted else { continue }
            let source = directory.appendingPathComponent("program\(index).c")
            try program.write(to: source, atomically: true, encoding: .utf8)
            let checked = try Shell.run(["cc", "-Wall", "-Werror", "-fsyntax-only", source.lastPathComponent], in: directory)
            #expect(checked.status == 0, "\(reproduction.policy) \(reproduction.invariant ?? "-"):\n\(checked.output)")
        }
        // The tables differ from program to program, the rest not: one is built as the runner builds it.
        let built = try Shell.run(
            ["cc", "-O2", "-Wall", "-Werror", "-pthread", "-o", "program", "program0.c"], in: directory)
        #expect(built.status == 0, "\(built.output)")
    }

    @Test("every runner and fstests script of every bundled model parses", arguments: BundledReproductions.writingModelFiles)
    func scriptsParse(file: String) throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for reproduction in try BundledReproductions.all(of: file) {
            let written = try reproduction.write(to: directory.path, fstestsNumber: 900)
            let runner = try Shell.run(["sh", "-n", directory.appendingPathComponent("run.sh").path])
            #expect(runner.status == 0, "\(runner.output)")
            let fstests = try Shell.run(["bash", "-n", directory.appendingPathComponent("fstests/tests/btrfs/900").path])
            #expect(fstests.status == 0, "\(fstests.output)")
            #expect(written.count == 6)
        }
    }

    @Test(
        "every runner of every bundled model is clean under shellcheck",
        .enabled(if: Shell.has("shellcheck"), "shellcheck is not installed (Debian: apt-get install shellcheck): runners only get sh -n"),
        arguments: BundledReproductions.writingModelFiles)
    func runnersPassShellcheck(file: String) throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runners = Set(try BundledReproductions.all(of: file).map { $0.runnerScript() })
        let paths = try runners.sorted().enumerated().map { index, runner in
            let path = directory.appendingPathComponent("run\(index).sh")
            try runner.write(to: path, atomically: true, encoding: .utf8)
            return path.lastPathComponent
        }
        let checked = try Shell.run(["shellcheck", "--shell=sh"] + paths, in: directory)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("a model that reads the file back is refused, naming the reader")
    func readersAreRefused() throws {
        #expect(BundledReproductions.writingModelFiles.count < BundledReproductions.modelFiles.count)
        #expect(throws: ReproductionError.readsNotSupported(actor: "backup")) {
            try BundledReproductions.reproduction("dio-read-after-race", policy: "dio-csum")
        }
    }

    @Test("the runner compares a kernel outcome with each built-in property, named as the model names it")
    func runnerNamesEveryBuiltIn() throws {
        let runner = try BundledReproductions.reproduction("raid1-mirrors", policy: "nodatasum").runnerScript()
        let lines = runner.split(separator: "\n").map(String.init)
        // The model's part names each property in a variable; the fixed part reports under the variable.
        let named = lines.compactMap { line -> (variable: String, name: String)? in
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].hasSuffix("_property") else { return nil }
            return (parts[0], parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "'")))
        }
        // The model has no reader, so it decides the built-in invariants of the write.
        let builtIn = ExtentProperty.builtIn(for: [])
        #expect(Set(named.map(\.name)) == Set(builtIn.map(\.name)))
        #expect(named.count == builtIn.count)
        for (variable, name) in named {
            #expect(lines.contains { $0.contains("report \"$\(variable)\" ") }, "nothing reports \(name)")
        }
    }
}
