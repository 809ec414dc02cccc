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

        @Option(help: "The policy to break: built in, or defined in the --policies file.")
        var policy: String

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
            let policy = try resolvedPolicy()
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
                policy: policy, invariants: properties.isEmpty ? bounds.builtInInvariants : properties, bounds: bounds,
                mode: exhaustive ? .exhaustive(limit: maxScenarios) : .sample(runs: runs, seed: seed),
                options: search.options(
                    policies: nil, properties: nil, computesTraces: false, showsProgress: output.showsProgress),
                decidesEveryInvariant: eachInvariant)
            fuzzer.largestFirst = swarm.map { $0.index % 2 == 0 } ?? false

            let progress = ProgressLine()
            let showsProgress = output.showsProgress
            var report = try fuzzer.run { event in
                guard showsProgress else { return }
                switch event {
                case .checked(let workloads, let states):
                    progress.show("... \(TextReporter.count(workloads, "scenario")), \(TextReporter.count(states, "state"))")
                case .shrunk(let workload):
                    progress.show("... shrunk to \(workload)", always: true)
                }
            }
            report.swarm = swarm

            switch format {
            case .text:
                print(report.text, terminator: "")
                if Interruption.happened { print("stopped early: interrupted; the scenarios not reached were not checked") }
            case .json: print(try JSONReporter().render(document: FuzzDocument(fuzz: report)), terminator: "")
            }
            for finding in report.findings {
                let path = save ?? URL(fileURLWithPath: saveDirectory)
                    .appendingPathComponent("fuzz-\(policy.name)-\(finding.property).yaml").path
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
            if Interruption.happened { throw ExitStatus.interrupted }
            if !report.findings.isEmpty { throw ExitStatus.unexpected }
            if report.unknownWorkloads > 0 { throw ExitStatus.unknown }
        }

        private func resolvedPolicy() throws -> Policy {
            var known = Policy.builtIn
            if let policiesFile {
                known = try ExtentChecker.loadModel(at: policiesFile).policies + known
            }
            guard let policy = known.first(where: { $0.name == policy }) else {
                throw CheckError.unknownPolicy(policy, known: known.map(\.name))
            }
            return policy
        }
    }
}
