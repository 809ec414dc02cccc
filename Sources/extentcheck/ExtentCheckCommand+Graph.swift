import ArgumentParser
import ExtentCheck
import Foundation

extension ExtentCheckCommand {
    /// `extentcheck graph FILE --policy P`: the reachable state graph of a small model.
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the reachable state graph of a small model under one policy (Graphviz dot or Mermaid).",
            discussion: """
                A box per state with its parts, an arrow per step with its actor; the shortest \
                counterexample of every violated invariant in red, the states where they end filled, \
                deadlocks in orange. Render dot with `dot -Tsvg`; paste Mermaid into GitHub Markdown. \
                A model that reaches more than --max-states states is refused (exit status 2).
                """
        )

        @Argument(help: "The model file (YAML).")
        var file: String

        @Option(help: "The policy: one the model lists, or a built-in one.")
        var policy: String

        @Option(name: .customLong("invariant"), help: "Mark only this invariant's counterexample (repeatable).")
        var invariants: [String] = []

        @Option(help: "Output format: dot (Graphviz) or mermaid.")
        var format: GraphFormat = .dot

        @Option(parsing: .unconditional, help: "Refuse a model that reaches more states than this.")
        var maxStates = 200

        @OptionGroup var scenario: ScenarioArguments

        func validate() throws {
            if maxStates < 1 { throw ValidationError("--max-states must be at least 1.") }
        }

        func run() throws {
            let checker = ExtentChecker(
                options: CheckOptions(
                    properties: invariants.isEmpty ? nil : invariants, data: scenario.data, crashes: scenario.crashes))
            let diagram = try checker.graph(of: try ExtentChecker.loadModel(at: file), policy: policy, limit: maxStates)
            let text = format == .dot ? diagram.dot : diagram.mermaid
            // GitHub's Mermaid refuses diagrams past its defaults: say so rather than let the paste fail.
            if format == .mermaid, text.count > 50_000 || diagram.edges.count > 500 {
                FileHandle.standardError.write(Data(
                    ("warning: \(diagram.edges.count) steps and \(text.count) characters: Mermaid draws at most 500 edges "
                        + "and 50,000 characters by default; use --format dot for a graph this large\n").utf8))
            }
            print(text, terminator: "")
        }
    }

    /// How a state graph is written.
    enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
        case dot
        case mermaid
    }
}
