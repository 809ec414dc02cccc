import ArgumentParser
import ExtentCheck
import Foundation

extension ExtentCheckCommand {
    /// `extentcheck replay TRACE`: runs a recorded trace again on its model.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a recorded trace (JSON or ITF) again on its model, step by step.",
            discussion: """
                Each step must be enabled where the trace takes it, each state must be the trace's, \
                with the trace's values (checksums recomputed), and the last state must violate the \
                property with those values. Says "violation reproduced at step N", or where and why \
                the trace diverges: a step not enabled, a state that differs; and says so when the \
                model has changed since the trace was written.

                Exit status as for check: 0 when the outcome is what the model expects of the \
                property under the policy (the violation reproduces where the model expects \
                violated; the trace diverges where it expects holds), 1 otherwise, 2 for a trace \
                or model that cannot be read or do not fit, 4 when Z3 failed.
                """
        )

        @Argument(help: "A trace file: <model>.<policy>.<property>.json or .itf.json, as check --trace-dir writes them.")
        var trace: String

        @Option(help: "The model file to replay on (default: the file the trace names, as check was given it).")
        var model: String?

        @OptionGroup var output: ColorArguments

        func run() throws {
            let document = try TraceDocument.load(contentsOf: trace)
            guard let path = model ?? document.file else {
                throw CommandLineError.unfit("The trace names no model file; give one with --model.")
            }
            // A trace written in another directory, or on another machine, names a path that is not here.
            if model == nil, !FileManager.default.fileExists(atPath: path) {
                throw CommandLineError.traceModelMissing(trace: trace, model: path)
            }
            let scenario = try ExtentChecker.loadModel(at: path)
            var report = try ExtentChecker().replay(document, on: scenario)
            report.modelFile = path
            print(TextReporter(style: output.style).render(report), terminator: "")
            if report.status != .asExpected { throw ExitStatus.code(for: report.status) }
        }
    }
}
