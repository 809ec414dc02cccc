import ModelFile
import Testing

/// A model file that must fail to load, and where and how it must fail.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    /// What the case shows, as the test report names it.
    var testDescription: String
    /// The model file's text.
    var yaml: String
    /// The line the error must name.
    var line: Int
    /// The column the error must name, or nil when it is not worth pinning.
    var column: Int?
    /// The key path the error must name.
    var key: String
    /// A fragment the error's message must contain.
    var message: String

    init(_ what: String, _ yaml: String, at line: Int, _ column: Int?, key: String, _ message: String) {
        self.testDescription = what
        self.yaml = yaml
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// Parses the text and checks the error against the case.
    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let scenario = try ModelFileReader.parse(yaml, path: "Models/case.yaml")
            Issue.record("loaded \(scenario.name) instead of failing", sourceLocation: sourceLocation)
        } catch {
            #expect(error.path == "Models/case.yaml", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            if let column {
                #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
            }
            #expect(error.key == key, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
        }
    }
}
