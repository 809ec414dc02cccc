import Foundation
import ModelFile

/// A place in a model file where the reader takes only certain keys or words, probed with one it
/// does not take: the reader's error lists what it takes there, and the schema must list the same.
struct SchemaProbe: Sendable, CustomStringConvertible {
    /// The place, in words.
    var description: String
    /// A model that puts the unknown key or word `zzz` at the place.
    var yaml: String
    /// The JSON pointer of the schema's node that lists what the place takes.
    var pointer: String
    /// Whether the schema lists exactly what the reader's message does, rather than more.
    var exact = true

    /// One probe per place; together they reach every mapping the schema defines.
    static let all: [SchemaProbe] = [
        SchemaProbe(description: "the top level", yaml: "zzz: 1\n", pointer: ""),
        SchemaProbe(description: "an actor", yaml: "actors: {a: {zzz: []}}\n", pointer: "/definitions/actor"),
        SchemaProbe(
            description: "a step written alone", yaml: "actors: {a: {writer: [zzz]}}\n",
            pointer: "/definitions/actor/properties/writer/items"),
        SchemaProbe(
            description: "a step with arguments", yaml: "actors: {a: {writer: [zzz: {}]}}\n",
            pointer: "/definitions/actor/properties/writer/items"),
        SchemaProbe(
            description: "a dio-write's arguments", yaml: "buffers: {b: 1}\nactors: {a: {writer: [dio-write: {from: b, zzz: 1}]}}\n",
            pointer: "/definitions/step/properties/dio-write"),
        SchemaProbe(
            description: "a write's arguments", yaml: "buffers: {b: 1}\nactors: {a: {writer: [write: {from: b, zzz: 1}]}}\n",
            pointer: "/definitions/step/properties/write"),
        SchemaProbe(
            description: "a mutator", yaml: "actors: {a: {mutator: {target: page-cache, zzz: 1}}}\n",
            pointer: "/definitions/actor/properties/mutator"),
        SchemaProbe(
            description: "a read", yaml: "actors: {a: {reader: [zzz: {}]}}\n", pointer: "/definitions/actor/properties/reader/items"),
        SchemaProbe(
            description: "a read's arguments", yaml: "actors: {a: {reader: [read: {zzz: 1}]}}\n",
            pointer: "/definitions/read/properties/read"),
        SchemaProbe(
            description: "a dio-read's arguments", yaml: "buffers: {b: 1}\nactors: {a: {reader: [dio-read: {into: b, zzz: 1}]}}\n",
            pointer: "/definitions/read/properties/dio-read"),
        SchemaProbe(
            description: "a scrubber", yaml: "actors: {a: {scrubber: {zzz: 1}}}\n", pointer: "/definitions/actor/properties/scrubber"),
        SchemaProbe(description: "a custom policy", yaml: "policies: [{name: mine, zzz: 1}]\n", pointer: "/definitions/custom-policy"),
        // The reader names the built-in policies and the columns a custom one must give; the schema
        // also has the optional columns.
        SchemaProbe(description: "a policy", yaml: "policies: [zzz]\n", pointer: "/properties/policies/items", exact: false),
        SchemaProbe(description: "an invariant", yaml: "invariants: [zzz]\n", pointer: "/properties/invariants/items"),
        SchemaProbe(
            // A model with a reader decides every built-in invariant.
            description: "an expected invariant", yaml: "actors: {r: {reader: []}}\nexpect: {dio-csum: {zzz: holds}}\n",
            pointer: "/properties/expect/additionalProperties/anyOf/1/propertyNames"),
        SchemaProbe(
            description: "an expected verdict", yaml: "expect: {dio-csum: {checksummed: zzz}}\n",
            pointer: "/properties/expect/additionalProperties/anyOf/1/additionalProperties"),
        SchemaProbe(description: "the checksum", yaml: "checksum: zzz\n", pointer: "/properties/checksum"),
    ] + ["dio-path", "verify", "device-check", "user-pages", "writeback-source", "direct-read", "read-failure", "read-repair", "scrub"].map { column in
        let required = ["dio-path": "direct", "dio-checksum": "true", "buffered-checksum": "true", "stable-pages": "true"]
        let columns = required.sorted { $0.key < $1.key }.map { "\($0.key): \($0.key == column ? "zzz" : $0.value)" }
            + (required[column] == nil ? ["\(column): zzz"] : [])
        return SchemaProbe(
            description: "a custom policy's \(column)", yaml: "policies: [{name: mine, \(columns.joined(separator: ", "))}]\n",
            pointer: "/definitions/custom-policy/properties/\(column)")
    }

    /// The keys or words the reader's error lists, or nil when the model loads or the error lists none.
    func readerWords() -> Set<String>? {
        do {
            _ = try ModelFileReader.parse(yaml, path: "probe.yaml")
            return nil
        } catch {
            guard let list = error.message.firstMatch(of: /; (?:expected|built-in policies:) (.*)$/)?.1 else { return nil }
            let words = list.replacing("one of ", with: "").replacing(" (or define one with ", with: ", ")
                .replacing(")", with: "").replacing(" or ", with: ", ")
            return Set(words.components(separatedBy: ", "))
        }
    }

    /// The keys and words the schema's node at `pointer` lists: its properties and enums, through
    /// `$ref`, `allOf` and `anyOf`; and the definitions it reaches.
    static func words(at pointer: String, in schema: [String: Any]) -> (words: Set<String>, definitions: Set<String>) {
        var node: Any = schema
        for token in pointer.split(separator: "/") {
            if let object = node as? [String: Any], let child = object[String(token)] {
                node = child
            } else if let array = node as? [Any], let index = Int(token), array.indices.contains(index) {
                node = array[index]
            } else {
                return ([], [])
            }
        }
        var definitions: Set<String> = []
        if pointer.hasPrefix("/definitions/") { definitions.insert(String(pointer.split(separator: "/")[1])) }
        return (words(of: node as? [String: Any] ?? [:], in: schema, reaching: &definitions), definitions)
    }

    private static func words(of node: [String: Any], in schema: [String: Any], reaching definitions: inout Set<String>) -> Set<String> {
        var words = Set(node["enum"] as? [String] ?? [])
        words.formUnion((node["properties"] as? [String: Any] ?? [:]).keys)
        if let reference = node["$ref"] as? String, let name = reference.split(separator: "/").last.map(String.init),
            let definition = (schema["definitions"] as? [String: Any])?[name] as? [String: Any]
        {
            definitions.insert(name)
            words.formUnion(self.words(of: definition, in: schema, reaching: &definitions))
        }
        for alternatives in [node["allOf"], node["anyOf"]].compactMap({ $0 as? [[String: Any]] }) {
            for alternative in alternatives {
                words.formUnion(self.words(of: alternative, in: schema, reaching: &definitions))
            }
        }
        return words
    }
}
