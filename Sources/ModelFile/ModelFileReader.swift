public import Extent
internal import Foundation
internal import Yams

/// Loads YAML model files into scenarios, with precise errors.
///
/// A model file names a scenario: the file's shape, the buffers, the actors
/// and their scripts, the policies to compare, the invariants to decide and the
/// verdicts the author expects. Everything it does not give takes the
/// contract's default. The format is `model-files.md`; for example:
///
///     blocks: 1
///     buffers: {guest-page: 1}
///     actors:
///       qemu: {writer: [dio-write: {from: guest-page}, fsync]}
///       guest-fs: {mutator: {target: guest-page}}
///     policies: [dio-csum, buffered-fallback]
///
/// Loading either returns a complete, valid `Scenario` or throws the first
/// `ModelFileError` found, with the file, line, column and key it concerns.
/// The keys are read in a fixed order (shape, data, buffers, actors,
/// policies, invariants, expectations), so that each can be checked against
/// the ones before it wherever it stands in the file.
public enum ModelFileReader {
    /// Loads and validates the model file at `path`: a regular file, or `-` for standard input.
    /// A directory, FIFO, socket or device is refused before it is opened.
    public static func load(contentsOf path: String) throws(ModelFileError) -> Scenario {
        func unreadable(_ why: String) -> ModelFileError {
            ModelFileError(path: path, line: 0, column: 0, key: "", message: "cannot read the file: \(why)")
        }
        let data: Data
        do {
            data = try InputFile.contents(atPath: path)
        } catch {
            throw unreadable(error.reason)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw unreadable("not UTF-8 text") }
        return try parse(text, path: path)
    }

    /// Parses and validates YAML text; `path` is used in errors only.
    public static func parse(_ text: String, path: String) throws(ModelFileError) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text, path: path)
        } catch {
            throw ModelFileError(path: path, line: 0, column: 0, key: "", message: "\(error)")
        }
        guard let root else {
            throw ModelFileError(
                path: path, line: 1, column: 1, key: "",
                message: "the file is empty; expected a mapping of model keys")
        }
        return try scenario(from: NodeReader(root, path: path))
    }
}

extension ModelFileReader {
    /// A model-file error for a YAML syntax error, at the line and column Yams reports.
    private static func syntaxError(_ error: YamlError, text: String, path: String) -> ModelFileError {
        func at(_ mark: (line: Int, column: Int), _ message: String) -> ModelFileError {
            ModelFileError(path: path, line: mark.line, column: mark.column, key: "", message: message)
        }
        func syntax(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return "YAML syntax error: \(problem)" }
            return "YAML syntax error: \(problem) (\(context.text) at line \(context.mark.line),"
                + " column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return at((mark.line, mark.column), syntax(context, problem))
        case .reader(let problem, let offset, _, _):
            return at(mark(ofCharacterOffset: offset ?? 0, in: text), "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at((context.mark.line, context.mark.column), "key \(keys) is given more than once in one mapping (first here)")
        default:
            return ModelFileError(path: path, line: 0, column: 0, key: "", message: "\(error)")
        }
    }

    /// The 1-based line and column (in Unicode scalars) of the character at `offset` of `text`.
    private static func mark(
        ofCharacterOffset offset: Int, in text: String
    ) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
