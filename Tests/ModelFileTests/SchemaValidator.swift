import Foundation
import Testing

/// python-jsonschema, the JSON Schema validator of the Python ecosystem (Debian: python3-jsonschema),
/// run by `python3` with PyYAML to read YAML as yaml-language-server does.
enum SchemaValidator {
    /// jsonschema's version, where `python3` can import it and PyYAML; nil elsewhere.
    static let version: String? = {
        let run = python(["-c", "import yaml, jsonschema, importlib.metadata as m; print(m.version('jsonschema'))"])
        return run?.status == 0 ? run?.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }()

    /// Why the validation tests are skipped where they are.
    static let missing = "python3 cannot import jsonschema and yaml: apt-get install python3-jsonschema python3-yaml,"
        + " or python3 -m pip install jsonschema pyyaml (.ci/run does)"

    /// Reads the request file named on the command line: a schema and YAML documents. Checks the schema
    /// against the draft-7 meta-schema, then prints each document's errors, none for a valid one.
    static let program = #"""
        import json, re, sys, yaml, jsonschema

        class Loader(yaml.SafeLoader):
            """YAML 1.2's booleans, as yaml-language-server reads them: true and false, not yes, no, on or off."""

        Loader.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        Loader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

        def json_keys(value):
            if isinstance(value, dict):
                return {str(key): json_keys(item) for key, item in value.items()}
            if isinstance(value, list):
                return [json_keys(item) for item in value]
            return value

        with open(sys.argv[1]) as file:
            request = json.load(file)
        jsonschema.Draft7Validator.check_schema(request["schema"])
        validator = jsonschema.Draft7Validator(request["schema"])
        results = {}
        for document in request["documents"]:
            try:
                instance = json_keys(yaml.load(document["yaml"], Loader=Loader))
                results[document["name"]] = [
                    "/".join(map(str, error.absolute_path)) + ": " + error.message
                    for error in validator.iter_errors(instance)
                ]
            except yaml.YAMLError as error:
                results[document["name"]] = ["not YAML: " + str(error).replace("\n", " ")]
        print(json.dumps(results))
        """#

    /// The errors `schema` finds in each document, by the document's name: none for a valid one.
    static func errors(of documents: [(name: String, yaml: String)], against schema: String) throws -> [String: [String]] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = directory.appendingPathComponent("request.json")
        let object: [String: Any] = [
            "schema": try JSONSerialization.jsonObject(with: Data(schema.utf8)),
            "documents": documents.map { ["name": $0.name, "yaml": $0.yaml] },
        ]
        try JSONSerialization.data(withJSONObject: object).write(to: request)
        let errorLog = directory.appendingPathComponent("stderr")
        let run = try #require(python(["-c", program, request.path], stderr: errorLog))
        let stderr = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        guard run.status == 0, let results = try? JSONDecoder().decode([String: [String]].self, from: Data(run.output.utf8))
        else { throw Failure(description: "python3 exited \(run.status): \(stderr)\(run.output)") }
        return results
    }

    /// A validator run that did not finish, with what it printed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The exit status and standard output of `python3 arguments`, standard error to `stderr` or
    /// nowhere; nil where there is no python3.
    private static func python(_ arguments: [String], stderr: URL? = nil) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        let log = stderr.flatMap { url in
            FileManager.default.createFile(atPath: url.path, contents: nil) ? try? FileHandle(forWritingTo: url) : nil
        }
        defer { try? log?.close() }
        process.standardError = log ?? FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
