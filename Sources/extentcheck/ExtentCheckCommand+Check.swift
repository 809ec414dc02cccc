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

                Exit status: 0 when every result is as expected (a model expects its invariants to hold unless it says otherwise), \
                1 when a verdict is unexpected, 2 for bad input or usage, 3 when a result is unknown \
                (and none is unexpected), 4 when the check itself failed (a Z3 error, say), 130 when \
                interrupted (Ctrl-C): the search stops as at a limit, what it found is printed, the rest is \
                unknown; a second Ctrl-C quits at once.
                """
        )

        @Argument(help: "Model files (YAML) to check, e.g. Models/qemu-cache-none.yaml.")
        var files: [String]

        @Option(name: .customLong("policy"), help: "Check only this policy (repeatable). Built-in policies the model does not list may be named too.")
        var policies: [String] = []

        @Option(name: .customLong("invariant"), help: "Decide only this invariant (repeatable).")
        var invariants: [String] = []

        @OptionGroup var search: SearchArguments
        @OptionGroup var output: OutputArguments

        @Option(
            help: """
                Output format: text for people, json for tools, itf for the traces in the Informal Trace \
                Format (one document a line), mermaid for the traces as sequence diagrams (Markdown).
                """)
        var format: CheckFormat = .text

        @Option(
            help: ArgumentHelp(
                "Write every trace to this directory as <model>.<policy>.<property>.json, .itf.json and .mmd.",
                valueName: "dir"))
        var traceDir: String?

        @Flag(help: "Compute no counterexample traces: verdicts only, in text and JSON (faster).")
        var noTraces = false

        @Flag(
            help: """
                Say where each policy's search went, in text and JSON: per kind of step and actor, the \
                transitions taken and the new states first reached, and the steps no reachable state \
                enables. Under --reduce, of the reduced search.
                """)
        var coverage = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one model file.") }
            if noTraces, format == .itf || format == .mermaid {
                throw ValidationError("--no-traces leaves nothing for --format \(format.rawValue) to write.")
            }
            if noTraces, traceDir != nil {
                throw ValidationError("--no-traces leaves nothing for --trace-dir to write.")
            }
            if coverage, format == .itf || format == .mermaid {
                throw ValidationError("--format \(format.rawValue) writes traces only: it has no place for --coverage.")
            }
            if coverage, output.quiet {
                throw ValidationError("--quiet prints no coverage; give --coverage or --quiet.")
            }
        }

        func run() throws {
            var options = search.options(
                policies: policies.isEmpty ? nil : policies,
                properties: invariants.isEmpty ? nil : invariants, computesTraces: !noTraces,
                showsProgress: output.showsProgress)
            options.coverage = coverage
            let checker = ExtentChecker(options: options)
            let scenarios = try files.map { path in
                let scenario = try ExtentChecker.loadModel(at: path)
                try checker.validate(scenario)
                return (path, scenario)
            }

            try traceDir.map { try OutputPath(option: "--trace-dir", path: $0, kind: .directory).makeDirectory() }

            Interruption.install()
            var reports: [ModelReport] = []
            let reporter = TextReporter(style: output.style)
            for (index, (path, scenario)) in scenarios.enumerated() {
                var report = try checker.check(scenario)
                report.file = path
                reports.append(report)
                if format == .text, !output.quiet {
                    print(reporter.render(report))
                }
                if let traceDir { try write(report.traceDocuments, to: traceDir) }
                if Interruption.stops(after: index, of: scenarios.map(\.0), verb: "checked") { break }
            }
            let documents = reports.flatMap(\.traceDocuments)
            switch format {
            case .text:
                if output.quiet { for line in reporter.problems(of: reports) { print(line) } }
                print(reporter.summary(of: reports))
            case .json: print(try JSONReporter().render(reports), terminator: "")
            case .itf:
                for document in documents { print(try JSONReporter().line(document: ITFTrace(document)), terminator: "") }
            case .mermaid:
                print(documents.map(MermaidWriter().markdown).joined(separator: "\n"), terminator: "")
            }
            let status = reports.map(\.status).max() ?? .asExpected
            if status != .asExpected || Interruption.happened {
                throw ExitStatus.code(for: status, interrupted: Interruption.happened)
            }
        }
    }

    /// How results are printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    /// How check prints: as any command does, or only its traces, in ITF or as Mermaid diagrams.
    enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case itf
        case mermaid
    }
}

extension ExtentCheckCommand.Check {
    /// Writes each trace in every file format to `directory`.
    private func write(_ documents: [TraceDocument], to directory: String) throws {
        for document in documents {
            for fileFormat in TraceDocument.FileFormat.allCases {
                let path = URL(fileURLWithPath: directory)
                    .appendingPathComponent(document.fileName(fileFormat)).path
                do {
                    try document.text(in: fileFormat).write(toFile: path, atomically: true, encoding: .utf8)
                } catch let error as CocoaError {
                    throw CommandLineError.cannotWrite(
                        option: "--trace-dir", path: directory, reason: "writing \(path) fails (\(error.localizedDescription))")
                }
            }
        }
    }
}
