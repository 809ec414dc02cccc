import ArgumentParser
import ExtentCheck
import Foundation

/// Whether text output is coloured. Shared by the commands that print reports.
struct ColorArguments: ParsableArguments {
    /// When text is coloured.
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
        case auto
        case always
        case never
    }

    @Option(help: "Colour text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    /// The style of text on standard output.
    var style: TextStyle {
        switch color {
        case .always: return .color
        case .never: return .plain
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return TextStyle(usesColor: isatty(STDOUT_FILENO) == 1 && !noColor && environment["TERM"] != "dumb")
        }
    }
}

/// Colour, progress lines and quiet: the output of the commands that run long.
struct OutputArguments: ParsableArguments {
    @OptionGroup var colors: ColorArguments

    @Flag(help: "Print progress lines on standard error even when it is not a terminal.")
    var progress = false

    @Flag(
        name: .shortAndLong,
        help: "No progress lines; check prints only the results that are not as expected, and its closing line.")
    var quiet = false

    func validate() throws {
        if quiet, progress { throw ValidationError("--quiet and --progress contradict each other; give one.") }
    }

    /// The style of text on standard output.
    var style: TextStyle { colors.style }

    /// Whether progress lines go to standard error: asked for, or on a terminal unless quiet.
    var showsProgress: Bool { progress || (!quiet && isatty(STDERR_FILENO) == 1) }
}
