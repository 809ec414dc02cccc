import ArgumentParser
import ExtentCheck
import Foundation
import Fuzzing

extension ExtentCheckCommand {
    /// `extentcheck fuzz --policy P`: the smallest workload within bounds that breaks a policy.
    struct Fuzz: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the smallest workload that breaks a policy: generate, check each exhaustively, shrink.",
            discussion: """
                Generates workloads within the bounds (writers with scripts of dio-write, write and fsync \
                over their own buffers, mutators of a buffer or the page cache, and with --max-readers or \
                --scrub readers of one read or dio-read each and a scrubber), smallest first, and checks \
                each one's every interleaving. The first that violates a property is shrunk to one none of \
                whose reductions still does, and saved as a model file that `check` loads, with its \
                shortest trace. A sampled run that finds nothing says "no violation", never "holds"; \
                --exhaustive checks every workload within the bounds and can say "holds".

                Exit status: 0 when no violation is found, 1 when one is, 2 for bad input or usage, 3 when \
                none is found but some verdict was unknown, 4 when a check failed (a Z3 error, say), 130 when \
                interrupted (Ctrl-C): the workloads checked so far are reported.
                """
        )

        @Option(
            name: .customLong("policy"),
            help: "The policy to break: built in, or defined in the --policies file (repeatable with --table).")
        var policyNames: [String] = []

        @Flag(help: "Fill the policy × invariant table: every built-in policy (or each --policy), every invariant decided.")
        var table = false

        @Option(name: .customLong("policies"), help: ArgumentHelp("A model file whose custom policies may be named.", valueName: "file"))
        var policiesFile: String?

        @Option(
            name: .customLong("invariant"),
            help: """
                Look only for violations of this invariant (repeatable; default: all that can fail: reads-succeed \
                with --max-readers, scrub-finds-damage with --scrub, no-false-alarm with either).
                """)
        var invariants: [String] = []

        @Option(parsing: .unconditional, help: "The most blocks in the file.") var maxBlocks = 2
        @Option(parsing: .unconditional, help: "The most words in a block.") var maxWords = 1
        @Option(parsing: .unconditional, help: "The most copies of each block (1 or 2).") var maxMirrors = 1
        @Option(parsing: .unconditional, help: "The most writers.") var maxWriters = 2
        @Option(parsing: .unconditional, help: "The most steps in one writer's script.") var maxScript = 2
        @Option(parsing: .unconditional, help: "The most mutators (0: none).") var maxMutators = 1
        @Option(parsing: .unconditional, help: "The largest budget of a mutator.") var maxBudget = 2
        @Option(parsing: .unconditional, help: "The most readers, each making one read or dio-read (0: none).")
        var maxReaders = 0
        @Flag(help: "Generate workloads with and without a scrubber of one pass.") var scrub = false

        @Option(parsing: .unconditional, help: "Sample this many distinct workloads.") var runs = 100
        @Option(parsing: .unconditional, help: "The seed of a sampled run (default: a random one, printed).", transform: SearchArguments.seed)
        var seed: UInt64?
        @Flag(help: "Check every workload within the bounds instead of sampling.") var exhaustive = false
        @Option(parsing: .unconditional, help: "Refuse an exhaustive run over more workloads than this.") var maxScenarios = 100_000

        @Flag(help: "Go on after a violation until every invariant is violated or every workload checked.")
        var eachInvariant = false

        @Flag(
            name: .customLong("no-reduce"),
            help: "Check every workload alone under every policy, unreduced: renamed workloads again, no search shared, no --reduce.")
        var noReduce = false

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Check share I of N of an exhaustive run (workload classes I, I+N, …); merge the shares' JSON.", valueName: "I/N"),
            transform: SwarmMember.shardArgument)
        var shard: SwarmMember?

        @Option(help: ArgumentHelp("Write every violation as it is found, and how far the run got, to this file (JSON lines).", valueName: "file"))
        var journal: String?

        @Flag(help: "Go on with the run the --journal file holds, from where it stopped.")
        var resume = false

        @Flag(help: "Report, per policy, the steps the workloads' searches took by kind and actor, and those never enabled.")
        var coverage = false

        @Option(help: ArgumentHelp("Save the shrunk workload here (default: fuzz-POLICY-INVARIANT.yaml).", valueName: "file"))
        var save: String?

        @Option(
            name: .customLong("save-dir"),
            help: ArgumentHelp("Save shrunk workloads in this directory, as fuzz-POLICY-INVARIANT.yaml.", valueName: "dir"))
        var saveDirectory = "."

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Run I of a swarm of N: its own seed, derived from --seed; even I draw large workloads first.",
                valueName: "I/N"),
            transform: SwarmMember.argument)
        var swarm: SwarmMember?

        @Option(help: "Output format: text for people, json for tools (and for merge).")
        var format: OutputFormat = .text

        @OptionGroup var search: SearchArguments
        @OptionGroup var output: OutputArguments

        private var bounds: WorkloadBounds {
            WorkloadBounds(
                blocks: maxBlocks, blockWords: maxWords, mirrors: maxMirrors, writers: maxWriters,
                scriptSteps: maxScript, mutators: maxMutators, budget: maxBudget, readers: maxReaders, scrub: scrub)
        }

        func validate() throws {
            if let problem = bounds.problem { throw ValidationError(problem) }
            if !table, policyNames.count != 1 {
                throw ValidationError(policyNames.isEmpty ? "give --policy, or --table for every built-in policy" : "give one --policy, or --table for several")
            }
            if shard != nil, !exhaustive { throw ValidationError("--shard splits an exhaustive run: add --exhaustive (a sampled run is split with --swarm).") }
            if noReduce, !search.reduce.isEmpty { throw ValidationError("--no-reduce and --reduce contradict each other.") }
            if resume, journal == nil { throw ValidationError("--resume goes on with a --journal file: name it.") }
            if runs < 1 { throw ValidationError("--runs must be at least 1.") }
            if swarm != nil, seed == nil { throw ValidationError("--swarm needs the swarm's --seed, the same for every member.") }
            if swarm != nil, exhaustive { throw ValidationError("--swarm splits a sampled run; --exhaustive has nothing to split.") }
            if maxScenarios < 1 { throw ValidationError("--max-scenarios must be at least 1.") }
            if save != nil, eachInvariant {
                throw ValidationError("--save names one file; with --each-invariant, give --save-dir instead.")
            }
            if let unknown = invariants.first(where: { ExtentProperty.builtIn(named: $0) == nil }) {
                throw ValidationError(
                    "unknown invariant '\(unknown)'; expected one of "
                        + ExtentProperty.builtIn.map(\.name).joined(separator: ", "))
            }
        }

        func run() throws {
            let policies = try resolvedPolicies()
            if let save {
                try OutputPath(option: "--save", path: save, kind: .file).check()
            } else {
                try OutputPath(option: "--save-dir", path: saveDirectory, kind: .directory).makeDirectory()
            }
            Interruption.install()
            let properties = invariants.compactMap(ExtentProperty.builtIn(named:))
            let base = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
            let seed = swarm?.seed(from: base) ?? base
            var fuzzer = Fuzzer(
                policies: policies, invariants: properties.isEmpty ? bounds.builtInInvariants : properties, bounds: bounds,
                mode: exhaustive ? .exhaustive(limit: maxScenarios) : .sample(runs: runs, seed: seed),
                options: search.options(
                    policies: nil, properties: nil, computesTraces: false, showsProgress: output.showsProgress),
                decidesEveryInvariant: eachInvariant || table)
            fuzzer.largestFirst = swarm.map { $0.index % 2 == 0 } ?? false
            fuzzer.options.coverage = coverage
            fuzzer.reduces = !noReduce
            fuzzer.shard = shard

            var result = try fuzzer.runTable(
                journal: journal.map { FuzzJournal(path: $0, resumes: resume) }, progress: progressReporter())
            for index in result.reports.indices { result.reports[index].swarm = swarm }
            try report(result, seed: seed)
            if Interruption.happened { throw ExitStatus.interrupted }
            if result.reports.contains(where: { !$0.findings.isEmpty }) { throw ExitStatus.unexpected }
            if result.reports.contains(where: { $0.unknownWorkloads > 0 }) { throw ExitStatus.unknown }
        }

        /// Prints the report (the table, or the one policy's) and saves every shrunk workload.
        private func report(_ result: FuzzTable, seed: UInt64) throws {
            switch (format, table) {
            case (.text, true): print(result.text, terminator: "")
            case (.text, false): print(result.reports[0].text, terminator: "")
            case (.json, true): print(try JSONReporter().render(document: FuzzTableDocument(table: result)), terminator: "")
            case (.json, false): print(try JSONReporter().render(document: FuzzDocument(fuzz: result.reports[0])), terminator: "")
            }
            if format == .text, Interruption.happened {
                print("stopped early: interrupted; the scenarios not reached were not checked")
            }
            for report in result.reports {
                for finding in report.findings {
                    try save(finding, of: report.policy, seed: seed)
                }
            }
        }

        /// Writes `finding` as a model file that expects its violation, with the command and its trace.
        private func save(_ finding: FuzzReport.Finding, of policy: String, seed: UInt64) throws {
            let path = save ?? URL(fileURLWithPath: saveDirectory).appendingPathComponent("fuzz-\(policy)-\(finding.property).yaml").path
            let traceLines = finding.result.trace.map(TextReporter().render) ?? []
            let header = ["Found by: extentcheck \(CommandLine.arguments.dropFirst().joined(separator: " "))"]
                + (exhaustive ? [] : ["Seed: \(seed)"]) + ["", "Shortest counterexample:"] + traceLines
            let file = header.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n") + "\n"
                + (try ModelFileWriter.yaml(for: finding.scenario))
            do {
                try file.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw FuzzError.cannotSave(path, reason: error.localizedDescription)
            }
            if format == .text { print("saved \(path); check it with: extentcheck check \(path)") }
        }

        /// Progress lines on standard error: scenarios checked of all, states, elapsed time and what is left.
        private func progressReporter() -> ((FuzzProgress) -> Void)? {
            guard output.showsProgress else { return nil }
            let progress = ProgressLine()
            let pace = ProgressPace()
            let start = ContinuousClock.now
            return { event in
                switch event {
                case .checked(let workloads, let total, let states):
                    progress.show(Self.progressText(workloads: workloads, of: total, states: states, since: start, pace: pace))
                case .shrunk(let workload):
                    progress.show("... shrunk to \(workload)", always: true)
                }
            }
        }

        /// "... 3,713 of 23,844 scenarios (15.6 %), 20,818,063 states, 1 min 07 s elapsed, at least 6 min left":
        /// workloads come smallest first, so the pace of the last minute gives a least time.
        static func progressText(
            workloads: Int, of total: Int, states: Int, since start: ContinuousClock.Instant, pace: ProgressPace
        ) -> String {
            let elapsed = (ContinuousClock.now - start) / .seconds(1)
            let fraction = Double(workloads) / Double(max(1, total))
            let left = pace.secondsLeft(done: workloads, left: total - workloads, after: elapsed)
            return "... \(TextReporter.grouped(workloads)) of \(TextReporter.count(total, "scenario")) "
                + String(format: "(%.1f %%), ", 100 * fraction) + "\(TextReporter.count(states, "state")), "
                + "\(ProgressLine.duration(elapsed)) elapsed" + (left.map { ", at least \(ProgressLine.duration($0)) left" } ?? "")
        }

        private func resolvedPolicies() throws -> [Policy] {
            var known = Policy.builtIn
            if let policiesFile {
                known = try ExtentChecker.loadModel(at: policiesFile).policies + known
            }
            if policyNames.isEmpty { return Policy.builtIn }
            return try policyNames.map { name in
                guard let policy = known.first(where: { $0.name == name }) else {
                    throw CheckError.unknownPolicy(name, known: known.map(\.name))
                }
                return policy
            }
        }
    }
}
