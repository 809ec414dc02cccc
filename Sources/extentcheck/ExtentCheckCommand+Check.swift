import ArgumentParser
import ExtentCheck
import Foundation

extension ExtentCheckCommand {
    /// `extentcheck check FILE...`: checks model files against their `expect`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check model files: a verdict per policy and invariant, with counterexamples.",
            discussion: """
                Every file is loaded and validated before any is checked: a bad file stops the run \
                with exit status 2 and nothing checked. Progress of long searches goes to standard error.

                Exit status: 0 when every result is as expected (or holds where nothing is expected), \
                1 when a verdict is unexpected, 2 for bad input or usage, 3 when a result is unknown \
                (and none is unexpected), 4 when the check itself failed (a Z3 error, say).
                """
        )

        @Argument(help: "Model files (YAML) to check, e.g. Models/qemu-cache-none.yaml.")
        var files: [String]

        @Option(name: .customLong("policy"), help: "Check only this policy (repeatable). Built-in policies the model does not list may be named too.")
        var policies: [String] = []

        @Option(name: .customLong("invariant"), help: "Decide only this invariant (repeatable).")
        var invariants: [String] = []

        @OptionGroup var search: SearchArguments

        @Option(help: "Output format: text for people, json for tools.")
        var format: OutputFormat = .text

        @Flag(help: "Compute no counterexample traces: verdicts only, in text and JSON (faster).")
        var noTraces = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one model file.") }
        }

        func run() throws {
            let checker = ExtentChecker(
                options: search.options(
                    policies: policies.isEmpty ? nil : policies,
                    properties: invariants.isEmpty ? nil : invariants, computesTraces: !noTraces))
            let scenarios = try files.map { path in
                let scenario = try ExtentChecker.loadModel(at: path)
                try checker.validate(scenario)
                return (path, scenario)
            }

            var reports: [ModelReport] = []
            let reporter = TextReporter()
            for (path, scenario) in scenarios {
                var report = try checker.check(scenario)
                report.file = path
                reports.append(report)
                if format == .text {
                    print(reporter.render(report))
                }
            }
            switch format {
            case .text: print(reporter.summary(of: reports))
            case .json: print(try JSONReporter().render(reports), terminator: "")
            }
            let status = reports.map(\.status).max() ?? .asExpected
            if status != .asExpected { throw ExitStatus.code(for: status) }
        }
    }

    /// How results are printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }
}
