/// A value of a trace's state for tools, in the Informal Trace Format's JSON encoding: integers as
/// `{"#bigint": "…"}`, tuples as `{"#tup": […]}`, maps as `{"#map": [[key, value], …]}`, records as
/// objects, lists as arrays.
public indirect enum TraceValue: Hashable, Sendable {
    /// A boolean.
    case bool(Bool)
    /// A non-negative integer: a word, a checksum, a count.
    case integer(UInt64)
    /// A string.
    case string(String)
    /// A sequence.
    case list([TraceValue])
    /// Fields by name.
    case record([String: TraceValue])
    /// A fixed-length tuple.
    case tuple([TraceValue])
    /// Pairs of key and value, keys not strings (or not all fields of one record).
    case map([TraceValue: TraceValue])
}

extension TraceValue: Codable {
    private typealias Key = StringCodingKey

    /// Reads a value in the ITF encoding: integers as `#bigint`s, or as bare JSON numbers below 2^53.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [TraceValue] = []
            while !array.isAtEnd { items.append(try array.decode(TraceValue.self)) }
            self = .list(items)
            return
        }
        if let object = try? decoder.container(keyedBy: Key.self) {
            let keys = object.allKeys.map(\.stringValue)
            if keys == ["#bigint"] {
                let digits = try object.decode(String.self, forKey: Key("#bigint"))
                guard let value = UInt64(digits) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: Key("#bigint"), in: object, debugDescription: "not a non-negative 64-bit integer: \(digits)")
                }
                self = .integer(value)
            } else if keys == ["#tup"] {
                self = .tuple(try object.decode([TraceValue].self, forKey: Key("#tup")))
            } else if keys == ["#map"] {
                let pairs = try object.decode([[TraceValue]].self, forKey: Key("#map"))
                var map: [TraceValue: TraceValue] = [:]
                for pair in pairs {
                    guard pair.count == 2 else {
                        throw DecodingError.dataCorruptedError(
                            forKey: Key("#map"), in: object, debugDescription: "a #map entry is not a [key, value] pair")
                    }
                    map[pair[0]] = pair[1]
                }
                self = .map(map)
            } else {
                var fields: [String: TraceValue] = [:]
                for key in object.allKeys { fields[key.stringValue] = try object.decode(TraceValue.self, forKey: key) }
                self = .record(fields)
            }
            return
        }
        let single = try decoder.singleValueContainer()
        if let bool = try? single.decode(Bool.self) {
            self = .bool(bool)
        } else if let string = try? single.decode(String.self) {
            self = .string(string)
        } else if let number = try? single.decode(UInt64.self), number < 1 << 53 {
            // ITF lets small integers be bare numbers; extentcheck writes every integer as a #bigint.
            self = .integer(number)
        } else {
            throw DecodingError.dataCorruptedError(
                in: single, debugDescription: "not an ITF value extentcheck reads (integers are non-negative)")
        }
    }

    /// Writes the value in the ITF encoding; map entries in the order of their keys' encoding, so
    /// that the same value is always the same text.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .bool(let bool):
            var single = encoder.singleValueContainer()
            try single.encode(bool)
        case .integer(let value):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(String(value), forKey: Key("#bigint"))
        case .string(let string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case .list(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .record(let fields):
            var object = encoder.container(keyedBy: Key.self)
            for (name, value) in fields { try object.encode(value, forKey: Key(name)) }
        case .tuple(let items):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(items, forKey: Key("#tup"))
        case .map(let map):
            var object = encoder.container(keyedBy: Key.self)
            let pairs = map.sorted { $0.key.sortKey < $1.key.sortKey }.map { [$0.key, $0.value] }
            try object.encode(pairs, forKey: Key("#map"))
        }
    }

    /// A total order for map keys: integers by value, then everything else by description.
    private var sortKey: String {
        switch self {
        case .integer(let value): String(repeating: "0", count: 20 - String(value).count) + String(value)
        case .tuple(let items): "(" + items.map(\.sortKey).joined(separator: ",") + ")"
        default: "~\(self)"
        }
    }
}

extension TraceValue {
    /// Where `self` and `other` first differ, by field name, index or key, in a fixed order, with
    /// the two values there (nil where one has nothing); nil when they are equal.
    public func firstDifference(from other: TraceValue) -> (path: [String], this: TraceValue?, other: TraceValue?)? {
        guard self != other else { return nil }
        func nested(_ path: String, _ a: TraceValue?, _ b: TraceValue?) -> (path: [String], this: TraceValue?, other: TraceValue?)? {
            guard let a, let b else { return a == b ? nil : ([path], a, b) }
            return a.firstDifference(from: b).map { ([path] + $0.path, $0.this, $0.other) }
        }
        switch (self, other) {
        case (.record(let a), .record(let b)):
            for key in Set(a.keys).union(b.keys).sorted() {
                if let found = nested(key, a[key], b[key]) { return found }
            }
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for index in 0..<max(a.count, b.count) {
                if let found = nested(String(index), a.indices.contains(index) ? a[index] : nil,
                    b.indices.contains(index) ? b[index] : nil) { return found }
            }
        case (.map(let a), .map(let b)):
            for key in Set(a.keys).union(b.keys).sorted(by: { $0.sortKey < $1.sortKey }) {
                if let found = nested(key.description, a[key], b[key]) { return found }
            }
        default:
            break
        }
        return ([], self, other)
    }
}

extension TraceValue: CustomStringConvertible {
    /// The value compactly: `7`, `"text"`, `[1, 2]`, `{a: 1}`, `(0, 1)`, `{0 ↦ 1}`.
    public var description: String {
        switch self {
        case .bool(let bool): String(bool)
        case .integer(let value): String(value)
        case .string(let string): string
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .record(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .tuple(let items): "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .map(let map):
            "{" + map.sorted { $0.key.sortKey < $1.key.sortKey }.map { "\($0.key) ↦ \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
