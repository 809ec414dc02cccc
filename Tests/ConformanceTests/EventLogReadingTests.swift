import Conformance
import ExtentCheck
import Foundation
import Testing

/// Logs that cannot be read, or do not fit their model, are refused at their line and key, and
/// nothing is searched.
@Suite struct EventLogReadingTests {
    /// A good log of qemu-cache-none: header on line 1, the write's eight events on lines 2–9, end on 10.
    static var good: String {
        var log = LogText(model: "qemu-cache-none")
        log.run(Logged.directWrite)
        return log.text
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var text: String
        var line: Int
        var key: String
        var message: String
    }

    /// The good log with line `number` (from 1) replaced by `replacement`, or removed when it is nil.
    static func replacing(line number: Int, with replacement: String?) -> String {
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let replacement { lines[number - 1] = replacement } else { lines.remove(at: number - 1) }
        return lines.joined(separator: "\n")
    }

    static let cases: [Case] = [
        Case(testDescription: "empty", text: "", line: 1, key: "", message: "the log is empty"),
        Case(
            testDescription: "no end record", text: replacing(line: 10, with: nil), line: 10, key: "",
            message: "no end record"),
        Case(
            testDescription: "a line cut off", text: String(good.dropLast(3)), line: 10, key: "",
            message: "the line is cut off"),
        Case(
            testDescription: "not JSON", text: replacing(line: 3, with: "dio-submit at 110"), line: 3, key: "",
            message: "not a JSON object"),
        Case(
            testDescription: "time going back", text: replacing(line: 4, with: #"{"t":5,"slot":0,"pass":0,"event":"csum"}"#),
            line: 4, key: "t", message: "before line 3's 1020"),
        Case(
            testDescription: "an unknown event",
            text: replacing(line: 4, with: #"{"t":1030,"slot":0,"pass":0,"event":"checksum"}"#), line: 4, key: "event",
            message: "unknown event 'checksum'"),
        Case(
            testDescription: "a key of the wrong type",
            text: replacing(line: 4, with: #"{"t":1030,"slot":"0","pass":0,"event":"csum"}"#), line: 4, key: "slot",
            message: "expected an integer"),
        Case(
            testDescription: "a negative slot",
            text: replacing(line: 4, with: #"{"t":1030,"slot":-1,"pass":0,"event":"csum"}"#), line: 4, key: "slot",
            message: "expected a non-negative integer, found -1"),
        Case(
            testDescription: "a start after the event",
            text: replacing(line: 5, with: #"{"t":1040,"slot":0,"pass":0,"event":"mutate","actor":"guest-fs","block":0,"word":0,"since":1041}"#),
            line: 5, key: "since", message: "1041 is after the event's t, 1040"),
        Case(
            testDescription: "a start on an event that is not a change",
            text: replacing(line: 4, with: #"{"t":1030,"slot":0,"pass":0,"event":"csum","since":1}"#), line: 4, key: "since",
            message: "only a mutate has a start of its own"),
        Case(
            testDescription: "a key missing", text: replacing(line: 4, with: #"{"t":1030,"slot":0,"event":"csum"}"#), line: 4,
            key: "pass", message: "missing"),
        Case(
            testDescription: "a record after the end",
            text: good + #"{"t":9999,"slot":0,"pass":0,"event":"csum"}"# + "\n", line: 11, key: "",
            message: "after the end record"),
        Case(
            testDescription: "another format",
            text: replacing(line: 1, with: #"{"format":"ftrace","version":1,"model":"qemu-cache-none","observes":[]}"#),
            line: 1, key: "format", message: "expected \"extentcheck-events\""),
        Case(
            testDescription: "an event the header does not observe",
            text: replacing(line: 1, with: #"{"format":"extentcheck-events","version":1,"model":"qemu-cache-none","observes":["dio-write"]}"#),
            line: 3, key: "event", message: "'dio-submit' is not among the events the header observes"),
        Case(
            testDescription: "a header observing an unknown event",
            text: replacing(line: 1, with: #"{"format":"extentcheck-events","version":1,"model":"qemu-cache-none","observes":["dma"]}"#),
            line: 1, key: "observes", message: "unknown event 'dma'"),
        Case(
            testDescription: "another model",
            text: good.replacingOccurrences(of: #""model":"qemu-cache-none""#, with: #""model":"no-mutator""#),
            line: 1, key: "model", message: "the log is of model no-mutator, not qemu-cache-none"),
        Case(
            testDescription: "an actor the model does not have",
            text: replacing(line: 2, with: #"{"t":1010,"slot":0,"pass":0,"event":"dio-write","actor":"qemo"}"#), line: 2,
            key: "actor", message: "'qemo' is not a writer of model qemu-cache-none (writers: qemu)"),
        Case(
            testDescription: "a block the buffer does not have",
            text: replacing(line: 5, with: #"{"t":1040,"slot":0,"pass":0,"event":"mutate","actor":"guest-fs","block":1,"word":0}"#),
            line: 5, key: "block", message: "1 is not among the blocks of buffer guest-page (0 through 0)"),
        Case(
            testDescription: "a result a return cannot have",
            text: replacing(line: 7, with: #"{"t":1060,"slot":0,"pass":0,"event":"return","actor":"qemu","result":"eio"}"#),
            line: 7, key: "result", message: "expected ok or error, found 'eio'"),
    ]

    @Test("a bad log is refused at its line and key", arguments: cases)
    func refused(_ bad: Case) throws {
        let scenario = try ConformanceCheckerTests.model("qemu-cache-none")
        do {
            let log = try EventLog.parse(Data(bad.text.utf8), path: "bad.ndjson")
            _ = try ConformanceChecker().check(log, against: scenario)
            Issue.record("the log was accepted")
        } catch let error as EventLogError {
            #expect(error.line == bad.line)
            #expect(error.key == bad.key)
            #expect(error.message.contains(bad.message), "\(error)")
            #expect(error.description.hasPrefix("bad.ndjson:\(bad.line): "))
        }
    }

    @Test("a directory is refused by its type before anything opens it")
    func directory() throws {
        #expect {
            try EventLog.load(contentsOf: FileManager.default.temporaryDirectory.path)
        } throws: { error in
            guard let error = error as? EventLogError else { return false }
            return error.line == 0 && error.message == "cannot read the log: it is a directory, not a regular file; give a file (or - for standard input)"
        }
    }

    @Test("the good log is read whole: header, every event with its line, no end record among them")
    func goodLog() throws {
        let log = try EventLog.parse(Data(Self.good.utf8), path: "good.ndjson")
        #expect(log.model == "qemu-cache-none")
        #expect(log.events.map(\.line) == Array(2...9))
        #expect(log.events.map(\.kind) == [.directWrite, .directSubmission, .checksum, .mutate, .complete, .returned, .fsync, .returned])
        #expect(log.events[3].block == 0 && log.events[3].word == 0 && log.events[3].actor == "guest-fs")
    }
}
