import ArgumentParser
import Foundation

extension ExtentCheckCommand {
    /// The error for a first argument that `check`, the default subcommand, would take for a model
    /// file, though it names none and reads as a subcommand: a word without `/` or `.`, no option,
    /// no subcommand, and no file of that name. Nil when the arguments are not of that kind.
    static func unknownSubcommand(in arguments: [String]) -> CommandLineError? {
        guard let word = arguments.first, !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
            !FileManager.default.fileExists(atPath: word)
        else { return nil }
        let known = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !known.contains(word) else { return nil }
        let nearest = known.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        let suggestion = nearest.flatMap { $0.1 <= max(1, word.count / 3) ? $0.0 : nil }
        return .unknownSubcommand(word, suggestion: suggestion, known: known)
    }

    /// The least number of characters inserted, removed or replaced to turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
