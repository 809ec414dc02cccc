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

    /// The keys of a mapping that may hold only `allowed` keys, found by name.
    struct Fields {
        /// The reader of the mapping, for errors about a missing key.
        let owner: NodeReader
        /// The entries, in file order.
        let entries: [Entry]

        /// The value of `name`, or nil when the mapping does not give it.
        subscript(name: String) -> NodeReader? {
            entries.first { $0.name == name }?.value
        }

        /// The value of `name`, or an error at the mapping saying that the key is missing.
        func required(_ name: String, hint: String = "") throws(ModelFileError) -> NodeReader {
            guard let value = self[name] else {
                var error = owner.error("missing key \(MessageValue.quoted(name))" + (hint.isEmpty ? "" : "; \(hint)"))
                error.key = owner.childKey(name)
                throw error
            }
            return value
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

    /// The entries of a mapping whose keys must all be among `allowed`; the
    /// first other key is an error at that key.
    func fields(_ allowed: [String]) throws(ModelFileError) -> Fields {
        let entries = try entries()
        if let unknown = entries.first(where: { !allowed.contains($0.name) }) {
            throw unknown.keyReader.error(
                "unknown key \(MessageValue.quoted(unknown.name)); expected \(Self.alternatives(allowed))")
        }
        return Fields(owner: self, entries: entries)
    }
}
