import Conformance
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

    @Test("a model with crashes is refused, every bundled one and any model checked with crashes")
    func crashesAreRefused() throws {
        #expect(!BundledReproductions.crashModelFiles.isEmpty)
        for file in BundledReproductions.crashModelFiles {
            let scenario = try ExtentChecker.loadModel(at: file)
            #expect(throws: ReproductionError.crashes(model: scenario.name, count: scenario.crashes)) {
                _ = try Reproduction(checking: file, policy: scenario.policies[0].name)
            }
        }
        let seed = BundledReproductions.root.appendingPathComponent("Models/qemu-cache-none.yaml").path
        #expect(throws: ReproductionError.crashes(model: "qemu-cache-none", count: 1)) {
            _ = try Reproduction(checking: seed, policy: "dio-csum", options: CheckOptions(crashes: 1))
        }
    }

    @Test(
        "the C program of every reproduction of every bundled model compiles warning-free",
        .enabled(if: Shell.has("cc"), "needs a C compiler (Debian: apt-get install gcc)"),
        arguments: BundledReproductions.modelFiles)
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

    @Test(
        "the program logs its calls and every change of a mutator as an event log conform reads",
        .enabled(if: Shell.has("cc"), "needs a C compiler (Debian: apt-get install gcc)"),
        arguments: [("qemu-cache-none", "nodatasum"), ("mmap-during-writeback", "buffered-fallback")])
    func programLog(model: String, policy: String) throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproduction = try BundledReproductions.reproduction(model, policy: policy)
        try reproduction.cProgram().write(to: directory.appendingPathComponent("program.c"), atomically: true, encoding: .utf8)
        let built = try Shell.run(["cc", "-O2", "-Wall", "-Werror", "-pthread", "-o", "program", "program.c"], in: directory)
        try #require(built.status == 0, "\(built.output)")
        // Few changes fit the log: the mutator stops there, and says so.
        let run = try Shell.run(
            ["./program", "write", "file", "--seconds", "0.2", "--slots", "3", "--log", "program.ndjson", "--log-changes", "20000"],
            in: directory)
        guard !run.output.contains("O_DIRECT open") else { return }  // a file system without O_DIRECT
        try #require(run.status == 0, "\(run.output)")
        #expect(run.output.contains("log-full=mutator"), "\(run.output)")
        let log = try EventLog.load(contentsOf: directory.appendingPathComponent("program.ndjson").path)
        #expect(log.model == model)
        // Two times a change, its first store's and its last's: a mutate each, since and t.
        let changes = log.events.filter { $0.kind == .mutate }
        #expect(changes.count == 10000)
        #expect(changes.allSatisfy { ($0.since ?? UInt64.max) <= $0.time })
        let writes = run.output.split(separator: "\n").first { $0.hasPrefix("writes=") }.map { Int($0.dropFirst(7)) ?? -1 }
        #expect(log.events.filter { $0.kind == .returned }.count == 2 * (writes ?? 0))
        // Runs go slot after slot, pass after pass.
        let starts = log.events.filter { $0.kind == .directWrite || $0.kind == .write }
        #expect(starts.enumerated().allSatisfy { index, event in event.slot == index % 3 && event.pass == index / 3 })
    }

    @Test("every runner and fstests script of every bundled model parses", arguments: BundledReproductions.modelFiles)
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
        arguments: BundledReproductions.modelFiles)
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

    @Test("a reader's script becomes a table of reads; a mutator runs while the buffer it changes is in use")
    func readersAndPhases() throws {
        let after = try BundledReproductions.reproduction("dio-read-after-race", policy: "dio-csum")
        #expect(after.invariant == "reads-succeed" || after.invariant == "csum-matches-data")
        #expect(after.readers.map(\.name) == ["backup"])
        #expect(after.readers.first?.script == [.read(at: 0, blocks: 1), .directRead(IORange(buffer: 1, at: 0, blocks: 1))])
        let program = after.cProgram()
        #expect(program.contains("#define READERS 1"))
        #expect(program.contains("    {BUFFERED_READ, 0, 0, 1},\n    {DIRECT_READ, 1, 0, 1},\n"))
        // The guest page is written from, not read into: its mutator races the writes only.
        #expect(program.contains("{\"guest-fs\", mutator_0_changes, 1, WRITE_PHASE}"))
        #expect(program.contains("\(after.programName) readers FILE [--seconds S] [--slots N] [--quiet]"))
        #expect(after.runnerScript().contains("\nreaders=1\nscrub_passes=0\n"))
        #expect(after.fstestsCase(number: 900).script.contains("readers $SCRATCH_MNT/foobar --seconds 5 --slots 256 --quiet"))

        // No writer: the read buffer's mutator races the O_DIRECT reads, and only them.
        let race = try BundledReproductions.reproduction("direct-read-changing-buffer", policy: "buffered-fallback")
        #expect(race.invariant == "reads-succeed")
        #expect(race.writers.isEmpty)
        let change = try #require(race.mutators.first?.changes.first)
        #expect(change.buffer == 0)
        #expect(race.cProgram().contains("{\"other-thread\", mutator_0_changes, 1, READ_PHASE}"))
        #expect(race.verdicts["buffered-fallback"]?["no-false-alarm"] == .violated)

        // A model that only writes has no reader, and its program no `readers` usage.
        let seed = try BundledReproductions.reproduction("qemu-cache-none", policy: "dio-csum")
        #expect(seed.readers.isEmpty)
        #expect(!seed.cProgram().contains("\(seed.programName) readers FILE"))
        #expect(seed.cProgram().contains("#define READERS 0"))
        #expect(!seed.fstestsCase(number: 900).script.contains(" readers "))
    }

    @Test("a scrubber's passes go to the runner, which runs a policy whose scrub compares copies on md RAID1")
    func scrubbers() throws {
        let reproduction = try BundledReproductions.reproduction("nodatasum-raid1-scrub", policy: "nodatasum")
        #expect(reproduction.invariant == "scrub-finds-damage" || reproduction.invariant == "mirrors-agree")
        #expect(reproduction.scrubPasses == 1)
        #expect(reproduction.comparesCopies == ["md-raid1"])
        let runner = reproduction.runnerScript()
        #expect(runner.contains("\nreaders=0\nscrub_passes=1\n"))
        #expect(runner.contains("        md-raid1) echo compare-copies ;;\n        *) echo checksums ;;\n"))

        #expect(runner.contains("mdadm --create"))
        #expect(runner.contains("echo check >\"$md_sys/sync_action\""))

        // Where the kernel has no md RAID1, the runner says so and exits 4, before anything needs root.
        let mdstat = (try? String(contentsOfFile: "/proc/mdstat", encoding: .utf8)) ?? ""
        guard !mdstat.contains("raid1") else { return }
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try reproduction.write(to: directory.path, fstestsNumber: 900)
        let refused = try Shell.run(["sh", "run.sh", "--policy", "md-raid1"], in: directory)
        if refused.status == 4 {
            #expect(refused.output.contains("under md-raid1 the scrubber compares copies"), "\(refused.output)")
            #expect(refused.output.contains("this kernel has no md RAID1"), "\(refused.output)")
        } else {
            // Root loaded raid1 here: the run went on, and may have failed for want of mdadm.
            #expect(refused.status != 1, "\(refused.output)")
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
        // Every built-in property has its variable; the runner reports those the model decides.
        let builtIn = ExtentProperty.builtIn
        #expect(Set(named.map(\.name)) == Set(builtIn.map(\.name)))
        #expect(named.count == builtIn.count)
        for (variable, name) in named {
            #expect(lines.contains { $0.contains("report \"$\(variable)\" ") }, "nothing reports \(name)")
        }
    }
}
