import Extent
import Foundation
import ModelFile
import Testing

/// The shipped schema against the reader: it takes every model the reader loads that the repository
/// and its tests hold, refuses what the reader refuses key by key and value by value, and lists every
/// key and word the reader takes.
@Suite struct ModelFileSchemaValidationTests {
    /// The error cases of `ModelFileErrorTests` that the schema cannot refuse, since only the reader
    /// relates values to each other or counts what they give.
    static let readerAlone: Set<String> = [
        // Which of two equal keys a mapping holds is the YAML reader's choice.
        "duplicate key",
        // K's upper bound, and the words and initial states K gives.
        "data concrete:252", "data wider than a word", "data with too many initial states",
        // Ranges within the file and the buffer, buffers that exist.
        "range past the end of the file", "default range past the end of the file", "blocks larger than the buffer",
        "writer past the end in its second step", "unknown buffer in a step", "unknown buffer as mutator target",
        "read past the end of the file", "unknown buffer in a dio-read",
        // Names listed once, and expectations only of what the model checks.
        "custom policy listed twice", "expect naming an unlisted policy", "expect naming an unlisted invariant",
    ]

    /// The shipped schema's text.
    static func schema() throws -> String { try BundledModelFiles.text(of: ModelFileSchema.path) }

    /// Every valid model to validate, by a name that says where it comes from: the bundled models, the
    /// test models, and what the writer writes of the bundled models and of scenarios with awkward names.
    static func validModels() throws -> [(name: String, yaml: String)] {
        var models = try BundledModelFiles.paths.map { ($0, try BundledModelFiles.text(of: $0)) }
        models += try TestModelTexts.models().map { ($0.location, $0.text) }
        for path in BundledModelFiles.paths {
            let scenario = try ModelFileReader.load(contentsOf: BundledModelFiles.root.appendingPathComponent(path).path)
            models.append(("ModelFileWriter of \(path)", try ModelFileWriter.yaml(for: scenario)))
        }
        for name in ModelFileWriterTests.awkwardNames {
            models.append(("ModelFileWriter of \(name)", try ModelFileWriter.yaml(for: ModelFileWriterTests.scenario(named: name))))
        }
        models.append(("ModelFileWriter of a custom policy", try ModelFileWriter.yaml(for: ModelFileWriterTests.customPolicyScenario)))
        return models
    }

    @Test(
        "the schema takes every bundled model, every model the tests load, and what the writer writes",
        .enabled(if: SchemaValidator.version != nil, Comment(rawValue: SchemaValidator.missing)))
    func validModelsAreValid() throws {
        let testModels = try TestModelTexts.models()
        #expect(testModels.count >= 10, "the test models found: \(testModels.map(\.location))")
        let models = try Self.validModels()
        let errors = try SchemaValidator.errors(of: models, against: try Self.schema())
        #expect(errors.count == models.count)
        for (name, _) in models {
            #expect(errors[name] == [], "\(name): \(errors[name] ?? ["not validated"])")
        }
        print("jsonschema \(SchemaValidator.version ?? "?") validated \(models.count) models, \(testModels.count) of them from the tests")
    }

    @Test(
        "what the reader refuses key by key or value by value, the schema refuses",
        .enabled(if: SchemaValidator.version != nil, Comment(rawValue: SchemaValidator.missing)))
    func invalidModelsAreInvalid() throws {
        let cases = ModelFileErrorTests.shape + ModelFileErrorTests.values + ModelFileErrorTests.actors
            + ModelFileErrorTests.sizes + ModelFileErrorTests.policies + ModelFileErrorTests.expectations
        var documents = cases.map { (name: $0.testDescription, yaml: $0.yaml) }
        documents += SchemaProbe.all.map { (name: "unknown at \($0.description)", yaml: $0.yaml) }
        documents.append((name: "unknown data mode", yaml: "data: sparse\n"))
        documents.append((name: "expect shorthand other than holds", yaml: "expect: {dio-csum: violated}\n"))
        let errors = try SchemaValidator.errors(of: documents, against: try Self.schema())
        for (name, yaml) in documents {
            #expect((try? ModelFileReader.parse(yaml, path: "case.yaml")) == nil, "the reader loads \(name)")
            let refused = errors[name]?.isEmpty == false
            #expect(refused != Self.readerAlone.contains(name), "\(name): \(errors[name] ?? [])\n\(yaml)")
        }
        #expect(Self.readerAlone.isSubset(of: Set(cases.map(\.testDescription))))
    }

    @Test("every key and word the reader takes at each place is in the schema there, and every mapping is probed")
    func schemaListsWhatTheReaderTakes() throws {
        let data = try Data(contentsOf: BundledModelFiles.root.appendingPathComponent(ModelFileSchema.path))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var reached: Set<String> = []
        for probe in SchemaProbe.all {
            let taken = try #require(probe.readerWords(), "the reader's error lists nothing at \(probe)")
            let (listed, definitions) = SchemaProbe.words(at: probe.pointer, in: schema)
            reached.formUnion(definitions)
            #expect(taken.isSubset(of: listed), "\(probe): the schema lacks \(taken.subtracting(listed).sorted())")
            if probe.exact {
                #expect(listed.isSubset(of: taken), "\(probe): the reader refuses \(listed.subtracting(taken).sorted())")
            }
        }
        let definitions = Set((schema["definitions"] as? [String: Any] ?? [:]).keys)
        #expect(reached == definitions, "mappings no probe reaches: \(definitions.subtracting(reached).sorted())")
        #expect(SchemaProbe.all.contains { $0.pointer.isEmpty }, "the top level is not probed")
    }
}
