import ArgumentParser
import ExtentCheck
import Foundation

extension ExtentCheckCommand {
    /// `extentcheck simulate FILE...`: random walks over models too large to explore.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Random walks over models too large to explore exhaustively; violations shrunk and replayed.",
            discussion: """
                Each walk starts in an initial state and takes enabled steps chosen at random (from --seed, \
                so a run is reproducible), judging every property on the way. The first violation of each \
                property is shrunk (steps and whole actors' activity dropped, an actor's steps moved \
                together), every candidate replayed, and printed as walked and as shrunk. Finding nothing \
                proves nothing: such a property is "not-violated", never "holds".

                Exit status: 0 when every finding agrees with the model's expect (nothing found agrees with \
                holds), 1 when a walk violates a property expected to hold, 2 for bad input or usage, 3 when \
                an expected violation was not found or a judgement was undecided, 4 when a check failed, 130 \
                when interrupted (Ctrl-C): the walks stop, what they found is printed.
                """
        )

        @Argument(help: "Model files (YAML) to walk.")
        var files: [String]

        @Option(name: .customLong("policy"), help: "Walk only this policy (repeatable).")
        var policies: [String] = []

        @Option(name: .customLong("invariant"), help: "Judge only this invariant (repeatable).")
        var invariants: [String] = []

        @Option(parsing: .unconditional, help: "The number of walks.") var runs = 1000
        @Option(parsing: .unconditional, help: "The most steps of one walk.") var depth = 100
        @Option(parsing: .unconditional, help: "The seed of the walks' choices (default: a random one, printed).", transform: SearchArguments.seed)
        var seed: UInt64?
        @Option(help: "How steps are chosen: uniform (default), or few-switches (the last actor goes on 9 times in 10).")
        var bias: SimulationOptions.Bias?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Run I of a swarm of N: its own seed, derived from --seed, and unless --bias is given, "
                    + "uniform walks for odd I and few-switches for even I.", valueName: "I/N"),
            transform: SwarmMember.argument)
        var swarm: SwarmMember?

        @OptionGroup var scenario: ScenarioArguments

        @Option(parsing: .unconditional, help: "Stop walking a policy after this many seconds.") var timeout: Double?
        @Option(parsing: .unconditional, help: "Answer a Z3 query unknown after this many milliseconds.")
        var solverTimeout: Int?
        @Option(help: "Output format: text for people, json for tools.") var format: OutputFormat = .text
        @OptionGroup var output: ColorArguments

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one model file.") }
            if runs < 1 { throw ValidationError("--runs must be at least 1.") }
            if depth < 1 { throw ValidationError("--depth must be at least 1.") }
            if swarm != nil, seed == nil { throw ValidationError("--swarm needs the swarm's --seed, the same for every member.") }
            if let timeout, !(timeout > 0 && timeout <= 1e9) {
                throw ValidationError("--timeout must be a positive number of seconds, at most 1e9.")
            }
            try SearchArguments.validate(solverTimeout: solverTimeout)
        }

        func run() throws {
            let checker = ExtentChecker(
                options: CheckOptions(
                    policies: policies.isEmpty ? nil : policies, properties: invariants.isEmpty ? nil : invariants,
                    data: scenario.data, crashes: scenario.crashes, solverTimeoutMilliseconds: solverTimeout.map(UInt32.init)))
            let base = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
            let walks = SimulationOptions(
                walks: runs, depth: depth, seed: swarm?.seed(from: base) ?? base,
                bias: bias ?? (swarm.map { $0.index % 2 == 0 } == true ? .fewSwitches : .uniform),
                timeout: timeout.map { .milliseconds(Int64($0 * 1000)) }, cancellation: Interruption.cancellation)
            let scenarios = try files.map { path in
                let scenario = try ExtentChecker.loadModel(at: path)
                try checker.validate(scenario)
                return (path, scenario)
            }
            Interruption.install()
            var reports: [SimulationReport] = []
            for (index, (path, scenario)) in scenarios.enumerated() {
                var report = try checker.simulate(scenario, walks: walks)
                report.file = path
                report.swarm = swarm
                reports.append(report)
                if format == .text { print(TextReporter(style: output.style).render(report)) }
                if Interruption.stops(after: index, of: scenarios.map(\.0), verb: "walked") { break }
            }
            if format == .json { print(try JSONReporter().render(reports), terminator: "") }
            let status = reports.map(\.status).max() ?? .asExpected
            if status != .asExpected || Interruption.happened {
                throw ExitStatus.code(for: status, interrupted: Interruption.happened)
            }
        }
    }
}

extension SimulationOptions.Bias: ExpressibleByArgument {}
