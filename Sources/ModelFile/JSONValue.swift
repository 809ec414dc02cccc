/// A JSON value whose objects keep their members in the order they are given, so that a document
/// written from it reads in that order and is the same bytes on every platform.
enum JSONValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// An array.
    case array([JSONValue])
    /// An object: its members, in order, each name once.
    case object([Member])

    /// A member of an object: a name and its value.
    struct Member: Hashable, Sendable {
        /// The member's name.
        var name: String
        /// The member's value.
        var value: JSONValue

        /// Creates a member.
        init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// The value as JSON text indented by two spaces a level; an array of scalars stays on one line.
    var text: String {
        var lines: [String] = []
        append(to: &lines, indent: "", prefix: "", suffix: "")
        return lines.joined(separator: "\n")
    }

    private var isScalar: Bool {
        switch self {
        case .string, .integer, .boolean: true
        case .array, .object: false
        }
    }

    private func append(to lines: inout [String], indent: String, prefix: String, suffix: String) {
        switch self {
        case .string(let text): lines.append(indent + prefix + Self.quoted(text) + suffix)
        case .integer(let value): lines.append(indent + prefix + String(value) + suffix)
        case .boolean(let value): lines.append(indent + prefix + (value ? "true" : "false") + suffix)
        case .array(let items) where items.allSatisfy(\.isScalar):
            lines.append(indent + prefix + "[" + items.map(\.text).joined(separator: ", ") + "]" + suffix)
        case .array(let items):
            lines.append(indent + prefix + "[")
            for (index, item) in items.enumerated() {
                item.append(to: &lines, indent: indent + "  ", prefix: "", suffix: index < items.count - 1 ? "," : "")
            }
            lines.append(indent + "]" + suffix)
        case .object(let members) where members.isEmpty:
            lines.append(indent + prefix + "{}" + suffix)
        case .object(let members):
            lines.append(indent + prefix + "{")
            for (index, member) in members.enumerated() {
                member.value.append(
                    to: &lines, indent: indent + "  ", prefix: Self.quoted(member.name) + ": ",
                    suffix: index < members.count - 1 ? "," : "")
            }
            lines.append(indent + "}" + suffix)
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
