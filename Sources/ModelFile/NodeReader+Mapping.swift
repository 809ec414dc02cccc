internal import Yams

extension NodeReader {
    /// One key of a mapping and its value.
    struct Entry {
        /// The key's text.
        let name: String
        /// The key node, for errors about the key itself (unknown, repeated, misplaced).
        let keyReader: NodeReader
        /// The value.
        let value: NodeReader
    }

    /// The entries of a mapping that may hold only the keys of `Key`, found by key.
    struct Fields<Key: ModelFileKey> {
        /// The reader of the mapping, for errors about a missing key.
        let owner: NodeReader
        /// The entries, in file order.
        let entries: [Entry]

        /// The value of `key`, or nil when the mapping does not give it.
        subscript(key: Key) -> NodeReader? {
            entries.first { $0.name == key.rawValue }?.value
        }

        /// The value of `key`, or an error at the mapping saying that the key is missing.
        func required(_ key: Key, hint: String = "") throws(ModelFileError) -> NodeReader {
            guard let value = self[key] else {
                let name = key.rawValue
                var error = owner.error("missing key \(MessageValue.quoted(name))" + (hint.isEmpty ? "" : "; \(hint)"))
                error.key = owner.childKey(name)
                throw error
            }
            return value
        }

        /// The value of `key` spelled as a case of `Value`, the key naming the kind in errors; nil when
        /// the mapping does not give it.
        func choice<Value: RawRepresentable & CaseIterable>(
            _ key: Key, _ type: Value.Type
        ) throws(ModelFileError) -> Value? where Value.RawValue == String {
            try self[key]?.choice(type, what: key.rawValue)
        }
    }

    /// The entries of a mapping in file order, each key a non-empty scalar.
    func entries() throws(ModelFileError) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping, found \(found)")
        }
        var entries: [Entry] = []
        for (keyNode, valueNode) in mapping {
            let keyReader = NodeReader(keyNode, key: key, path: path)
            guard case .scalar(let scalar) = keyNode, !scalar.string.isEmpty else {
                throw keyReader.error("expected a key name, found \(keyReader.found)")
            }
            entries.append(
                Entry(
                    name: scalar.string,
                    keyReader: child(scalar.string, keyNode),
                    value: child(scalar.string, valueNode)))
        }
        return entries
    }

    /// The entries of a mapping whose keys must all be keys of `Key`; the first other key is an
    /// error at that key that lists them.
    func fields<Key: ModelFileKey>(_ keys: Key.Type) throws(ModelFileError) -> Fields<Key> {
        let entries = try entries()
        if let unknown = entries.first(where: { Key(rawValue: $0.name) == nil }) {
            throw unknown.keyReader.error(
                "unknown key \(MessageValue.quoted(unknown.name)); expected \(Self.alternatives(Key.names))")
        }
        return Fields(owner: self, entries: entries)
    }
}
