public import Extent

/// Writes scenarios as model files that `ModelFileReader` loads back to the same scenario.
///
/// The file lists every key, in the order of the bundled models: shape, data, buffers, actors,
/// crashes (where there are any), policies (custom ones with every column), invariants and, if any, expectations. Properties
/// stated in Swift have no name a model file can give; they are left out. The file does not name
/// `ModelFileSchema` on a first line as the bundled models do: the schema's relative path depends on
/// where the file is saved, and the text is also what a trace's model digest is taken of.
///
/// ```swift
/// let yaml = try ModelFileWriter.yaml(for: scenario)
/// ```
public enum ModelFileWriter {
    /// The model file of `scenario`; throws `ScenarioError` for a scenario that `Scenario.validate()`
    /// refuses, which no model file could describe.
    public static func yaml(for scenario: Scenario) throws(ScenarioError) -> String {
        try scenario.validate()
        var lines: [String] = ["name: \(scalar(scenario.name))"]
        if !scenario.about.isEmpty { lines += about(scenario.about) }
        let geometry = scenario.geometry
        lines += [
            "blocks: \(geometry.blocks)",
            "block-words: \(geometry.blockWords)",
            "word-bits: \(geometry.wordBits)",
            "mirrors: \(geometry.mirrors)",
            "checksum: \(scenario.checksum.rawValue)",
            "data: \(scenario.data)",
        ]
        if !scenario.buffers.isEmpty {
            lines.append("buffers:")
            lines += scenario.buffers.map { "  \(scalar($0.name)): \($0.blocks)" }
        }
        if !scenario.actors.isEmpty {
            lines.append("actors:")
            for actor in scenario.actors {
                lines.append("  \(scalar(actor.name)):")
                lines += role(actor.role, buffers: scenario.buffers)
            }
        }
        if scenario.crashes > 0 { lines.append("crashes: \(scenario.crashes)") }
        if scenario.policies.allSatisfy({ Policy.builtIn(named: $0.name) == $0 }) {
            lines.append("policies: [\(scenario.policies.map { scalar($0.name) }.joined(separator: ", "))]")
        } else {
            lines.append("policies:")
            lines += scenario.policies.flatMap(policy)
        }
        let invariants = scenario.invariants.filter { ExtentProperty.builtIn(named: $0.name) == $0 }
        if !invariants.isEmpty {
            lines.append("invariants: [\(invariants.map { scalar($0.name) }.joined(separator: ", "))]")
        }
        let expected = scenario.policies.filter { scenario.expectations[$0.name]?.isEmpty == false }
        if !expected.isEmpty {
            lines.append("expect:")
            for policy in expected {
                let verdicts = scenario.expectations[policy.name] ?? [:]
                let ordered = scenario.invariants.map(\.name).filter { verdicts[$0] != nil }
                    + verdicts.keys.filter { name in !scenario.invariants.contains { $0.name == name } }.sorted()
                let fields = ordered.map { "\(scalar($0)): \(verdicts[$0]!.rawValue)" }
                lines.append("  \(scalar(policy.name)): {\(fields.joined(separator: ", "))}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func role(_ role: Scenario.Actor.Role, buffers: [Buffer]) -> [String] {
        switch role {
        case .writer(let script):
            guard !script.isEmpty else { return ["    writer: []"] }
            return ["    writer:"] + script.map { step in
                switch step {
                case .fsync: "      - fsync"
                case .directWrite(let range): "      - dio-write: \(self.range(range, buffers: buffers))"
                case .bufferedWrite(let range): "      - write: \(self.range(range, buffers: buffers))"
                }
            }
        case .mutator(let target, let budget):
            let name =
                switch target {
                case .buffer(let index): scalar(buffers[index].name)
                case .pageCache: MutationTarget.pageCacheName
                }
            return ["    mutator: {target: \(name), budget: \(budget)}"]
        case .reader(let script):
            guard !script.isEmpty else { return ["    reader: []"] }
            return ["    reader:"] + script.map { read in
                switch read {
                case .read(let at, let blocks): "      - read: {at: \(at), blocks: \(blocks)}"
                case .directRead(let range):
                    "      - dio-read: {into: \(scalar(buffers[range.buffer].name)), at: \(range.at), blocks: \(range.blocks)}"
                }
            }
        case .scrubber(let passes):
            return ["    scrubber: {passes: \(passes)}"]
        }
    }

    private static func range(_ range: IORange, buffers: [Buffer]) -> String {
        "{from: \(scalar(buffers[range.buffer].name)), at: \(range.at), blocks: \(range.blocks)}"
    }

    private static func policy(_ policy: Policy) -> [String] {
        guard Policy.builtIn(named: policy.name) != policy else { return ["  - \(scalar(policy.name))"] }
        return ["  - name: \(scalar(policy.name))"] + Policy.columns.map { "    \($0.key): \($0.value(in: policy))" }
    }

    /// `about` as a folded block wrapped at 80 columns where folding gives back the same text, else quoted.
    private static func about(_ text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard !text.contains("\n"), !words.contains(where: \.isEmpty), text.first?.isWhitespace == false
        else { return ["about: \(quoted(text))"] }
        var lines = ["about: >"]
        var line = ""
        for word in words {
            if !line.isEmpty, line.count + 1 + word.count > 78 {
                lines.append("  " + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append("  " + line)
        return lines
    }

    /// `text` as a YAML scalar: plain where YAML reads it back as the same string, else quoted.
    static func scalar(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default: false
            }
        }
        let special = ["", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let numeric = text.first.map { $0.isNumber || $0 == "-" || $0 == "." } ?? true
        return plain && !numeric && !special.contains(text.lowercased()) ? text : quoted(text)
    }

    /// `text` double-quoted, with the escapes YAML and JSON share.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
