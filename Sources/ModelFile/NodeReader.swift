internal import Yams

/// A YAML node on its way into a `Scenario`, with the dotted key path that leads
/// to it and the file it came from.
///
/// Every type check of the loader goes through a reader, so every failure
/// carries the node's line and column and the key's path. A reader never
/// converts silently: a quoted `"2"` is not an integer and `yes` is not a
/// boolean.
struct NodeReader {
    /// The node being read.
    let node: Node
    /// The dotted path of the key whose value this is, e.g. `actors.qemu.writer[0]`; empty for the root.
    let key: String
    /// The model file's path, for errors.
    let path: String

    /// Creates a reader of `node` at key path `key` in the file at `path`.
    init(_ node: Node, key: String = "", path: String) {
        self.node = node
        self.key = key
        self.path = path
    }

    /// An error at this node's line and column, about this reader's key.
    func error(_ message: String) -> ModelFileError {
        ModelFileError(
            path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
            key: key, message: message)
    }

    /// The key path of key `name` in this mapping; a long name is shortened to its start, as the
    /// path is for messages.
    func childKey(_ name: String) -> String {
        let name = MessageValue.abbreviated(name)
        return key.isEmpty ? name : "\(key).\(name)"
    }

    /// The reader of `child`, the value of key `name` in this mapping.
    func child(_ name: String, _ child: Node) -> NodeReader {
        NodeReader(child, key: childKey(name), path: path)
    }

    /// The reader of `element`, item `index` of this sequence.
    func element(_ index: Int, _ element: Node) -> NodeReader {
        NodeReader(element, key: "\(key)[\(index)]", path: path)
    }

    /// What the node is, for messages: `'text'` for a scalar (its start only, if long), `nothing` for an
    /// empty value, `a mapping`, `a sequence`.
    var found: String {
        switch node {
        case .scalar where isNull: "nothing"
        case .scalar(let scalar): MessageValue.quoted(scalar.string)
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .alias: "an alias"
        }
    }

    /// Whether the node is a scalar (a string, a number, a boolean, or nothing).
    var isScalar: Bool {
        if case .scalar = node { return true }
        return false
    }

    /// Whether the node is YAML's null: an empty value, `~` or `null`, unquoted.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Scalars

    /// The text of a scalar that is not empty or null.
    func string() throws(ModelFileError) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("expected a string, found \(found)")
        }
        return scalar.string
    }

    /// A plain decimal integer, such as `2` or `-1`.
    func integer() throws(ModelFileError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            throw error("expected an integer, found \(found)")
        }
        let text = scalar.string
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            throw error("expected an integer, found \(found)")
        }
        guard let value = Int(text) else {
            throw error("integer \(MessageValue.quoted(text)) is too large")
        }
        return value
    }

    /// A plain decimal integer within `range`; `message` says what is allowed when it is not.
    func integer(
        in range: some RangeExpression<Int>, _ message: @autoclosure () -> String
    ) throws(ModelFileError) -> Int {
        let value = try integer()
        guard range.contains(value) else { throw error(message()) }
        return value
    }

    /// A YAML boolean: `true` or `false`.
    func boolean() throws(ModelFileError) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        throw error("expected true or false, found \(found)")
    }

    /// One of `cases`, spelled by its raw value; `what` names the kind in the
    /// error, as in "unknown checksum 'md5'; expected crc32c or uninterpreted".
    func choice<Value: RawRepresentable>(
        among cases: [Value], what: String
    ) throws(ModelFileError) -> Value where Value.RawValue == String {
        let text = try string()
        guard let value = cases.first(where: { $0.rawValue == text }) else {
            throw error("unknown \(what) \(MessageValue.quoted(text)); expected \(Self.alternatives(cases.map(\.rawValue)))")
        }
        return value
    }

    /// One of the cases of `Value`, spelled by its raw value.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, what: String
    ) throws(ModelFileError) -> Value where Value.RawValue == String {
        try choice(among: Array(Value.allCases), what: what)
    }

    // MARK: Sequences

    /// The items of a sequence, each with its key path `key[i]`.
    func elements() throws(ModelFileError) -> [NodeReader] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a sequence, found \(found)")
        }
        return sequence.enumerated().map { element($0.offset, $0.element) }
    }

    // MARK: Messages

    /// `a`, `a or b`, or `one of a, b, c`: the allowed spellings, for messages.
    static func alternatives(_ names: [String]) -> String {
        switch names.count {
        case 0: "nothing"
        case 1: names[0]
        case 2: "\(names[0]) or \(names[1])"
        default: "one of " + names.joined(separator: ", ")
        }
    }
}
