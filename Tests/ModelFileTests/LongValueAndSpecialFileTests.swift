import Foundation
import ModelFile
import Testing

/// Errors stay short whatever the file holds, and only regular files are read.
@Suite struct LongValueAndSpecialFileTests {
    static func error(parsing text: String) -> ModelFileError? {
        do {
            _ = try ModelFileReader.parse(text, path: "long.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("a long scalar is quoted by its first 64 characters and its length")
    func longScalar() throws {
        let value = String(repeating: "a", count: 100_000)
        let error = try #require(Self.error(parsing: "blocks: \(value)\n"))
        #expect(error.message == "expected an integer, found '\(String(repeating: "a", count: 64))…' (100000 bytes)")
    }

    @Test("a scalar of 64 characters is quoted whole")
    func shortScalar() throws {
        let value = String(repeating: "b", count: 64)
        let error = try #require(Self.error(parsing: "blocks: \(value)\n"))
        #expect(error.message == "expected an integer, found '\(value)'")
    }

    @Test("a model name over the limit is refused at its key, and quoted short")
    func longName() throws {
        let error = try #require(Self.error(parsing: "name: \(String(repeating: "m", count: 1_000_000))\nblocks: 1\n"))
        #expect(error.line == 1 && error.key == "name", "\(error)")
        #expect(error.message == "a scenario's name has at most 128 bytes, found 1000000")
        #expect(error.description.utf8.count < 200, "\(error.description.utf8.count) bytes")
    }

    @Test("a long unknown key is shortened in the message and in the key path")
    func longKey() throws {
        let key = String(repeating: "k", count: 100_000)
        let error = try #require(Self.error(parsing: "blocks: 1\n? \(key)\n: 3\n"))
        #expect(error.key == String(repeating: "k", count: 64) + "…")
        #expect(error.message.hasPrefix("unknown key '\(String(repeating: "k", count: 64))…' (100000 bytes); expected"))
        #expect(error.description.utf8.count < 400, "\(error.description.utf8.count) bytes")
    }

    @Test("a long name the model does not have is quoted short, and the names it has are listed whole")
    func longUnknownName() throws {
        let name = String(repeating: "n", count: 100_000)
        let text = "blocks: 1\nbuffers: {g: 1}\nactors:\n  q: {writer: [dio-write: {from: \(name)}]}\n"
        let error = try #require(Self.error(parsing: text))
        #expect(error.message.hasPrefix("unknown buffer '\(String(repeating: "n", count: 64))…' (100000 bytes)"))
        #expect(error.description.utf8.count < 400, "\(error.description.utf8.count) bytes")
        #expect(error.description.hasSuffix("(buffers: g)"), "the names the model has are kept")
    }

    @Test("a message still too long loses its middle, and keeps its start and its end")
    func safetyNet() {
        let text = "start " + String(repeating: "x", count: 10_000) + " end"
        let shortened = MessageValue.shortened(text)
        #expect(shortened.utf8.count <= MessageValue.textLimit + 40)
        #expect(shortened.hasPrefix("start ") && shortened.hasSuffix(" end") && shortened.contains("bytes left out"))
    }

    @Test("a FIFO is refused by its type, without blocking on it")
    func fifo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("modelfile-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: ModelFileError(
            path: path, line: 0, column: 0, key: "",
            message: "cannot read the file: it is a FIFO (named pipe), not a regular file; give a file (or - for standard input)"
        )) {
            try ModelFileReader.load(contentsOf: path)
        }
    }

    @Test(
        "devices and directories are refused by type",
        // Not /dev/zero here: were it read, this process would fill its memory (the CLI test has a deadline).
        arguments: [("/dev/null", "a character device"), ("/tmp", "a directory")])
    func specialFile(path: String, kind: String) {
        #expect(throws: ModelFileError(
            path: path, line: 0, column: 0, key: "",
            message: "cannot read the file: it is \(kind), not a regular file; give a file (or - for standard input)"
        )) {
            try ModelFileReader.load(contentsOf: path)
        }
    }
}
