import ExtentCheck

/// A type as Apalache writes types (ADR-002), as far as extentcheck's `varTypes` use them: `Int`,
/// `Str`, `Bool`, `Seq(T)`, `Set(T)`, `<<T, U>>`, `{ f: T, g: U }` and `T -> U`; and whether an ITF
/// value has it. What Apalache would check when it loads a trace, so a test can check it without Apalache.
indirect enum ApalacheType: Equatable, CustomStringConvertible {
    case int, str, bool
    case seq(ApalacheType)
    case set(ApalacheType)
    case tuple([ApalacheType])
    case record([String: ApalacheType])
    case function(ApalacheType, ApalacheType)

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text`; throws `ParseError` where it is not a type.
    init(parsing text: String) throws {
        var parser = Parser(Array(text))
        self = try parser.type()
        parser.skipSpaces()
        guard parser.atEnd else { throw ParseError(description: "trailing text in \(text)") }
    }

    /// Where `value` does not have this type, and why; nil where it does.
    func mismatch(_ value: TraceValue, at path: String = "") -> String? {
        switch (self, value) {
        case (.int, .integer), (.str, .string), (.bool, .bool): return nil
        case (.seq(let item), .list(let items)), (.set(let item), .list(let items)):
            return items.enumerated().lazy.compactMap { item.mismatch($0.element, at: "\(path).\($0.offset)") }.first
        case (.tuple(let types), .tuple(let items)) where types.count == items.count:
            return zip(types, items).enumerated().lazy
                .compactMap { $0.element.0.mismatch($0.element.1, at: "\(path).\($0.offset)") }.first
        case (.record(let fields), .record(let values)):
            guard Set(fields.keys) == Set(values.keys) else {
                return "\(path): fields \(values.keys.sorted()) where the type has \(fields.keys.sorted())"
            }
            return fields.keys.sorted().lazy.compactMap { fields[$0]!.mismatch(values[$0]!, at: "\(path).\($0)") }.first
        case (.function(let key, let result), .map(let entries)):
            for (k, v) in entries.sorted(by: { $0.key.description < $1.key.description }) {
                if let problem = key.mismatch(k, at: "\(path)[key]") ?? result.mismatch(v, at: "\(path).\(k)") { return problem }
            }
            return nil
        default:
            return "\(path): \(value) is not a \(self)"
        }
    }

    var description: String {
        switch self {
        case .int: "Int"
        case .str: "Str"
        case .bool: "Bool"
        case .seq(let item): "Seq(\(item))"
        case .set(let item): "Set(\(item))"
        case .tuple(let items): "<<" + items.map(\.description).joined(separator: ", ") + ">>"
        case .record(let fields):
            "{ " + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + " }"
        case .function(let key, let result): "\(key) -> \(result)"
        }
    }

    /// A recursive-descent reader of the type grammar.
    private struct Parser {
        var characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { index == characters.count }

        mutating func skipSpaces() {
            while !atEnd, characters[index] == " " { index += 1 }
        }

        /// Takes `token` if it comes next (after spaces).
        mutating func take(_ token: String) -> Bool {
            skipSpaces()
            let end = index + token.count
            guard end <= characters.count, String(characters[index..<end]) == token else { return false }
            index = end
            return true
        }

        mutating func expect(_ token: String) throws {
            guard take(token) else { throw ParseError(description: "expected \(token) at \(index)") }
        }

        mutating func name() throws -> String {
            skipSpaces()
            let start = index
            while !atEnd, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
            guard index > start else { throw ParseError(description: "expected a name at \(start)") }
            return String(characters[start..<index])
        }

        /// type := primary ("->" type)?
        mutating func type() throws -> ApalacheType {
            let primary = try self.primary()
            return take("->") ? .function(primary, try type()) : primary
        }

        mutating func primary() throws -> ApalacheType {
            if take("<<") {
                var items = [try type()]
                while take(",") { items.append(try type()) }
                try expect(">>")
                return .tuple(items)
            }
            if take("{") {
                var fields: [String: ApalacheType] = [:]
                repeat {
                    let field = try name()
                    try expect(":")
                    fields[field] = try type()
                } while take(",")
                try expect("}")
                return .record(fields)
            }
            if take("(") {
                let inner = try type()
                try expect(")")
                return inner
            }
            switch try name() {
            case "Int": return .int
            case "Str": return .str
            case "Bool": return .bool
            case "Seq":
                try expect("(")
                let item = try type()
                try expect(")")
                return .seq(item)
            case "Set":
                try expect("(")
                let item = try type()
                try expect(")")
                return .set(item)
            case let other: throw ParseError(description: "unknown type \(other)")
            }
        }
    }
}
