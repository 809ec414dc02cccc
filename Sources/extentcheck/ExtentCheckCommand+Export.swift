import ArgumentParser
import Extent
import ExtentCheck
import Foundation
import Promela

extension ExtentCheckCommand {
    /// `extentcheck export FILE --policy P --data concrete:K --to promela`: the model for another checker.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a model under one policy in concrete data as Promela, for SPIN to check.",
            discussion: """
                One process whose loop offers every step as one d_step, each invariant an assertion of \
                its name. Check it with `spin -o2 -a model.pml && cc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && \
                ./pan -c0`: SPIN finds the same violations, and stores one state more than extentcheck \
                counts (the state before the initial words are chosen).
                """
        )

        @Argument(help: "The model file (YAML).")
        var file: String

        @Option(help: "The policy: one the model lists, or a built-in one.")
        var policy: String

        @Option(
            help: ArgumentHelp("Data mode: concrete:K, words taking the values 0..<K.", valueName: "mode"),
            transform: { text in try DataMode(parsing: text) })
        var data: DataMode

        @Option(name: .customLong("invariant"), help: "Assert only this invariant (repeatable; default: the model's).")
        var invariants: [String] = []

        @Option(help: ArgumentHelp("The language to write.", valueName: "language"))
        var to: ExportFormat = .promela

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file rather than standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            guard case .concrete = data else {
                throw ValidationError("--data must be concrete:K: a Promela model enumerates values")
            }
        }

        func run() throws {
            guard case .concrete(let values) = data else { return }
            try output.map { try OutputPath(option: "--output", path: $0, kind: .file).check() }
            let scenario = try ExtentChecker.loadModel(at: file)
            guard let chosen = scenario.policy(named: policy) ?? Policy.builtIn(named: policy) else {
                throw CheckError.unknownPolicy(policy, known: scenario.policies.map(\.name))
            }
            let model: PromelaModel
            do {
                model = try PromelaModel(
                    scenario: scenario, policy: chosen, values: values, invariants: invariants.isEmpty ? nil : invariants)
            } catch {
                throw CommandLineError.unfit("\(file): \(error)")
            }
            if let output {
                try model.text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(model.text, terminator: "")
            }
        }
    }

    /// The languages a model is exported to.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case promela
    }
}
