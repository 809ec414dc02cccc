import Foundation
import ModelFile
import Testing

/// The model-file schema the repository ships is the one generated from the reader's key table.
@Suite struct ModelFileSchemaTests {
    /// The shipped schema, parsed.
    static func shipped() throws -> [String: Any] {
        let data = try Data(contentsOf: BundledModelFiles.root.appendingPathComponent(ModelFileSchema.path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("the shipped schema is the generated one, byte for byte")
    func shippedSchemaIsCurrent() throws {
        let shipped = try BundledModelFiles.text(of: ModelFileSchema.path)
        #expect(
            shipped == ModelFileSchema.text,
            "\(ModelFileSchema.path) is out of date: regenerate it with `swift run extentcheck schema > \(ModelFileSchema.path)`")
    }

    @Test("the schema is JSON Schema draft 7, and every mapping of fixed keys refuses any other key")
    func draftSevenAndClosedMappings() throws {
        let schema = try Self.shipped()
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(schema["additionalProperties"] as? Bool == false)
        let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
        #expect(!definitions.isEmpty)
        for (name, definition) in definitions {
            #expect(definition["additionalProperties"] as? Bool == false, "\(name)")
            #expect(definition["description"] is String, "\(name)")
        }
    }

    @Test("every key of the schema says what it means")
    func everyKeyIsDescribed() throws {
        let schema = try Self.shipped()
        let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
        for (place, mapping) in [("top level", schema)] + definitions.sorted(by: { $0.key < $1.key }).map({ ($0.key, $0.value) }) {
            let properties = try #require(mapping["properties"] as? [String: [String: Any]], "\(place)")
            for (key, property) in properties {
                let description = property["description"] as? String ?? ""
                #expect(description.hasSuffix(".") && description.count < 160, "\(place).\(key): \(description)")
            }
        }
    }

    @Test("every bundled model names the shipped schema on its first line, by its path from the model's folder")
    func bundledModelsNameTheSchema() throws {
        #expect(BundledModelFiles.paths.count >= 13, "\(BundledModelFiles.paths)")
        for path in BundledModelFiles.paths {
            let depth = path.split(separator: "/").count - 1
            let line = ModelFileSchema.modeline(schemaAt: String(repeating: "../", count: depth) + ModelFileSchema.path)
            #expect(try BundledModelFiles.text(of: path).hasPrefix(line + "\n"), "\(path) must begin with: \(line)")
        }
    }
}
