import Foundation

/// A mistake on the command line that is not one of syntax: a path that cannot be written, a word
/// that is neither a subcommand nor a file, files that do not fit, a trace whose model is elsewhere. Reported as bad input
/// (exit status 2) with its message only, not the usage text.
enum CommandLineError: Error, CustomStringConvertible {
    /// `option`'s path cannot be written: `reason` says why.
    case cannotWrite(option: String, path: String, reason: String)
    /// The first argument is no subcommand and no file; `suggestion` is the subcommand it is likely
    /// a misspelling of, and `known` lists them all.
    case unknownSubcommand(String, suggestion: String?, known: [String])
    /// The file at `path`, a result to merge, cannot be read: `reason` says why.
    case unreadable(path: String, reason: String)
    /// The files given do not fit what the command does with them: the problem in words, naming the file.
    case unfit(String)
    /// The trace at `trace` names the model file `model`, which does not exist here.
    case traceModelMissing(trace: String, model: String)

    /// The problem in one line: which path or word, and why.
    var description: String {
        switch self {
        case .cannotWrite(let option, let path, let reason):
            "\(option) \(path): cannot write there: \(reason)"
        case .unknownSubcommand(let word, let suggestion, let known):
            "unknown subcommand '\(word)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (no file of that name either; subcommands: \(known.joined(separator: ", ")))"
        case .unreadable(let path, let reason):
            "\(path): cannot read the file: \(reason)"
        case .unfit(let problem):
            problem
        case .traceModelMissing(let trace, let model):
            "\(trace): the trace was checked on the model file \(model), which does not exist here; "
                + "give the model with --model FILE"
        }
    }
}
