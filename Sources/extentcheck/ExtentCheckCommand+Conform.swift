import ArgumentParser
import Conformance
import ExtentCheck

/// The JSON document of `conform --format json`.
struct ConformDocument: Codable {
    var version: Int? = JSONReporter.version
    var conform: ConformanceReport
}

extension ExtentCheckCommand {
    /// `extentcheck conform LOG --model M`: whether a real run's log is a behaviour of the model.
    struct Conform: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a real run's event log against a model: which policies admit it.",
            discussion: """
                LOG is NDJSON as docs/conformance.md describes it: a header naming the model and the \
                events the recorder observes, one event a line (a writer's call and its return, a \
                mutator's change, a read and its result, the kernel's submissions, writebacks, checksums \
                and completions), and an end record. Each slot and pass of the log is one run of the \
                model from its initial state. A policy admits the log when, for every run, some path of \
                the model takes a step for every event in the log's order, with the steps no event shows \
                in between; otherwise conform names the first event it cannot match, with the model's \
                state there and the steps that were enabled.

                Exit status: 0 when some policy checked admits the run, 1 when none does, 2 for a log or \
                model that cannot be read or do not fit, 4 when Z3 failed.
                """
        )

        @Argument(help: "The event log (NDJSON), as fidelity/run records it; - reads it from standard input.")
        var log: String

        @Option(help: "The model file the run is of.")
        var model: String

        @Option(name: .customLong("policy"), help: "Check only this policy, built in or the model's (repeatable).")
        var policies: [String] = []

        @Flag(help: "Check every built-in policy too, after the model's own or those --policy names.")
        var allPolicies = false

        @Option(
            help: ArgumentHelp("Data mode to search in, overriding the model's: symbolic, or concrete:K.", valueName: "mode"),
            transform: { text in try DataMode(parsing: text) })
        var data: DataMode?

        @Option(help: "Output format: text for people, json for tools.")
        var format: OutputFormat = .text

        func run() throws {
            let scenario = try ExtentChecker.loadModel(at: model)
            let eventLog = try EventLog.load(contentsOf: log)
            let checker = ConformanceChecker(
                policies: policies.isEmpty ? nil : policies, data: data, includesBuiltIns: allPolicies)
            var report = try checker.check(eventLog, against: scenario)
            report.file = model
            switch format {
            case .text: print(report.text, terminator: "")
            case .json: print(try JSONReporter().render(document: ConformDocument(conform: report)), terminator: "")
            }
            if report.admittingPolicies.isEmpty { throw ExitStatus.unexpected }
        }
    }
}
