import Foundation
import ModelFile

/// The YAML texts the test sources hold: every multi-line string literal, and every one-line literal
/// given to `ModelFileReader.parse` or as a `TemporaryModel`'s contents. Those the reader loads are
/// the test models; the schema must take each of them.
enum TestModelTexts {
    /// A string literal of a test source, and where it is.
    struct Literal {
        /// `Tests/Target/File.swift:line`.
        var location: String
        /// The string the literal stands for.
        var text: String
    }

    /// The literals of every Swift file under `Tests/`, by file, then line; interpolated ones left out.
    static func literals() throws -> [Literal] {
        let tests = BundledModelFiles.root.appendingPathComponent("Tests")
        let files = (FileManager.default.enumerator(atPath: tests.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        return try files.flatMap { file in
            let source = try String(contentsOf: tests.appendingPathComponent(file), encoding: .utf8)
            return literals(in: source, file: "Tests/\(file)")
        }
    }

    /// The literals that the reader loads.
    static func models() throws -> [Literal] {
        try literals().filter { (try? ModelFileReader.parse($0.text, path: "test.yaml")) != nil }
    }

    /// The literals of one source file.
    static func literals(in source: String, file: String) -> [Literal] {
        let lines = source.components(separatedBy: "\n")
        var literals: [Literal] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if let opening = line.firstMatch(of: /(#*)"""$/) {
                let hashes = String(opening.1)
                guard let end = lines[(index + 1)...].firstIndex(where: {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"" + hashes)
                }) else { break }
                let indent = lines[end].prefix { $0 == " " || $0 == "\t" }
                let body = lines[(index + 1)..<end].map { $0.hasPrefix(indent) ? String($0.dropFirst(indent.count)) : $0 }
                if let text = unescaped(body.joined(separator: "\n"), raw: !hashes.isEmpty) {
                    literals.append(Literal(location: "\(file):\(index + 2)", text: text))
                }
                index = end + 1
                continue
            }
            for match in line.matches(of: /(?:ModelFileReader\.parse\(|contents: )"((?:[^"\\]|\\.)*)"/) {
                if let text = unescaped(String(match.1), raw: false) {
                    literals.append(Literal(location: "\(file):\(index + 1)", text: text))
                }
            }
            index += 1
        }
        return literals
    }

    /// The string a literal's body stands for, its escapes read; nil for an interpolated literal.
    private static func unescaped(_ body: String, raw: Bool) -> String? {
        if raw { return body.contains("\\#(") ? nil : body }
        guard !body.contains("\\(") else { return nil }
        var text = ""
        var characters = body.makeIterator()
        while let character = characters.next() {
            guard character == "\\", let escaped = characters.next() else {
                text.append(character)
                continue
            }
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "\n": break
            default: text.append(escaped)
            }
        }
        return text
    }
}
