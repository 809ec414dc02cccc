import ArgumentParser
import ExtentCheck
import Foundation

/// The `extentcheck` command: model checks of storage write paths.
@main
struct ExtentCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extentcheck",
        abstract: "Model-check storage write paths: does every stored checksum match its stored data?",
        discussion: """
            Explores every interleaving of writer, mutator and writeback steps over a small extent \
            model and decides each invariant with Z3 for every content of every buffer.

            Exit status: 0 when every result is as expected (a model expects its invariants to hold unless it says otherwise), \
            1 when a verdict is unexpected, 2 for bad input or usage, 3 when a result is unknown, \
            4 when the check itself failed (a Z3 error, say), 130 when a search was interrupted \
            (Ctrl-C; a second Ctrl-C quits at once).
            """,
        version: "0.1.0",
        subcommands: [Check.self, Replay.self, Graph.self, Export.self, Reproduce.self, Simulate.self, Fuzz.self, Merge.self, Conform.self, Policies.self, Schema.self],
        defaultSubcommand: Check.self
    )

    /// Runs the command, mapping every error to the documented exit status.
    static func main() {
        do {
            if let error = unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) { throw error }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ExitStatus.exit(for: error)
        }
    }
}
