internal import Extent

/// The JSON Schema (draft 7) of model files, generated from `KeyTable`: the keys of each mapping,
/// the shape of each value, and what each key means, as an editor shows it beside the key.
///
/// The repository ships it as `path`, and a model names it on its first line for
/// yaml-language-server:
///
///     # yaml-language-server: $schema=../Schemas/model-file.schema.json
///
/// The schema refuses what the reader refuses key by key and value by value: unknown keys, wrong
/// types, unknown words, sizes out of range. What relates values to each other (a buffer that
/// exists, a range within the file, names listed once) only the reader checks.
package enum ModelFileSchema {
    /// Where the repository keeps the schema, from its root.
    package static let path = "Schemas/model-file.schema.json"
    /// The JSON Schema version the schema is written in.
    package static let draft = "http://json-schema.org/draft-07/schema#"
    /// The first line of a model that names the schema at `relativePath` for yaml-language-server.
    package static func modeline(schemaAt relativePath: String) -> String {
        "# yaml-language-server: $schema=\(relativePath)"
    }

    /// The schema as a JSON document.
    static var document: JSONValue {
        var definitions = Definitions()
        let root = MappingShape(KeyTable.Model.self)
        let body = definitions.body(of: root)
        let header: [JSONValue.Member] = [
            .init("$schema", .string(draft)),
            .init("title", .string("extentcheck model file")),
        ]
        guard case .object(let members) = body else { return body }
        return .object(header + members + [.init("definitions", .object(definitions.members))])
    }

    /// The schema as the repository ships it: `document`'s text and a newline.
    package static var text: String { document.text + "\n" }
}
