public import Foundation
@_spi(Search) internal import Extent
internal import ModelFile

extension EventLog {
    /// Reads the log at `path` (a regular file, or `-` for standard input); throws `EventLogError`
    /// naming the line and key of the first mistake: a file that cannot be read (a directory or
    /// FIFO is refused by its type), a line that is not a JSON object, a key missing or of the wrong type, an unknown event, an
    /// event the header does not observe, time going backwards, anything after the end record, or no
    /// end record (a truncated log).
    public static func load(contentsOf path: String) throws(EventLogError) -> EventLog {
        let data: Data
        do {
            data = try InputFile.contents(atPath: path)
        } catch {
            throw EventLogError(path: path, line: 0, message: "cannot read the log: \(error.reason)")
        }
        return try parse(data, path: path)
    }

    /// Reads a log from its bytes; `path` names it in errors.
    public static func parse(_ data: Data, path: String) throws(EventLogError) -> EventLog {
        var reader = LineReader(path: path)
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else {
            throw EventLogError(path: path, line: 1, message: "the log is empty: it has no header")
        }
        var log = try reader.header(Data(first))
        var ended = false
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            if line.isEmpty, index == lines.count - 1 { break }
            guard !ended else {
                throw EventLogError(path: path, line: number, message: "a record after the end record")
            }
            if index == lines.count - 1 {
                throw EventLogError(path: path, line: number, message: "the line is cut off (no newline ends it): the log is truncated")
            }
            if let event = try reader.event(Data(line), line: number, observes: log.observes) {
                log.events.append(event)
            } else {
                ended = true
            }
        }
        guard ended else {
            throw EventLogError(
                path: path, line: lines.count, message: "the log has no end record ({\"t\": …, \"event\": \"end\"}): it is truncated")
        }
        return log
    }
}

/// Reads a log's lines in order, keeping the time of the last.
private struct LineReader {
    let path: String
    var lastTime: UInt64 = 0
    var lastTimeLine = 0

    struct Header: Decodable {
        var format: String
        var version: Int
        var model: String
        var observes: [String]
        var kernel: String?
        var recorder: String?
    }

    struct Record: Decodable {
        var t: UInt64
        var event: String
        var slot: Int?
        var pass: Int?
        var actor: String?
        var block: Int?
        var word: Int?
        var since: UInt64?
        var result: String?
    }

    func header(_ line: Data) throws(EventLogError) -> EventLog {
        let header = try decode(Header.self, from: line, line: 1)
        guard header.format == EventLog.format else {
            throw EventLogError(path: path, line: 1, key: "format", message: "expected \"\(EventLog.format)\", found \"\(header.format)\"")
        }
        guard header.version == EventLog.version else {
            throw EventLogError(
                path: path, line: 1, key: "version", message: "this extentcheck reads version \(EventLog.version), found \(header.version)")
        }
        let observes = try header.observes.map { (name) throws(EventLogError) in
            guard let kind = EventKind(rawValue: name) else {
                throw EventLogError(path: path, line: 1, key: "observes", message: "unknown event '\(name)' (events: \(Self.eventNames))")
            }
            return kind
        }
        return EventLog(
            path: path, model: header.model, observes: observes, kernel: header.kernel, recorder: header.recorder, events: [])
    }

    /// The event on `line`, or nil for the end record.
    mutating func event(_ text: Data, line: Int, observes: [EventKind]) throws(EventLogError) -> LoggedEvent? {
        let record = try decode(Record.self, from: text, line: line)
        guard record.t >= lastTime else {
            throw EventLogError(
                path: path, line: line, key: "t", message: "\(record.t) is before line \(lastTimeLine)'s \(lastTime): the log is out of order")
        }
        lastTime = record.t
        lastTimeLine = line
        if record.event == EventLog.endRecord { return nil }
        guard let kind = EventKind(rawValue: record.event) else {
            throw EventLogError(
                path: path, line: line, key: "event",
                message: "unknown event '\(record.event)' (events: \(Self.eventNames), \(EventLog.endRecord))")
        }
        guard observes.contains(kind) else {
            throw EventLogError(
                path: path, line: line, key: "event", message: "'\(record.event)' is not among the events the header observes")
        }
        guard let slot = record.slot else { throw missing("slot", line: line) }
        guard let pass = record.pass else { throw missing("pass", line: line) }
        for (key, value) in [("slot", slot), ("pass", pass), ("block", record.block ?? 0), ("word", record.word ?? 0)] where value < 0 {
            throw EventLogError(path: path, line: line, key: key, message: "expected a non-negative integer, found \(value)")
        }
        if let since = record.since {
            guard kind == .mutate else {
                throw EventLogError(path: path, line: line, key: "since", message: "only a mutate has a start of its own")
            }
            guard since <= record.t else {
                throw EventLogError(path: path, line: line, key: "since", message: "\(since) is after the event's t, \(record.t)")
            }
        }
        let result = try record.result.map { (name) throws(EventLogError) in
            guard let result = CallResult(rawValue: name) else {
                throw EventLogError(path: path, line: line, key: "result", message: "expected ok, error or eio, found '\(name)'")
            }
            return result
        }
        return LoggedEvent(
            line: line, time: record.t, kind: kind, slot: slot, pass: pass, actor: record.actor, block: record.block,
            word: record.word, since: record.since, result: result)
    }

    static var eventNames: String { EventKind.allCases.map(\.rawValue).joined(separator: ", ") }

    func missing(_ key: String, line: Int) -> EventLogError {
        EventLogError(path: path, line: line, key: key, message: "missing")
    }

    func decode<Value: Decodable>(_ type: Value.Type, from text: Data, line: Int) throws(EventLogError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: text)
        } catch let DecodingError.keyNotFound(key, _) {
            throw missing(key.stringValue, line: line)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw EventLogError(
                path: path, line: line, key: context.codingPath.map(\.stringValue).joined(separator: "."),
                message: "expected \(Self.describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw EventLogError(
                path: path, line: line, key: context.codingPath.map(\.stringValue).joined(separator: "."),
                message: "expected \(Self.describe(expected)), found null")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw EventLogError(
                path: path, line: line, key: context.codingPath.map(\.stringValue).joined(separator: "."),
                message: "not a value this key takes (\(context.debugDescription))")
        } catch {
            throw EventLogError(path: path, line: line, message: "not a JSON object")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is UInt64.Type: "a non-negative integer"
        case is Int.Type: "an integer"
        case is [String].Type, is [Any].Type: "an array of strings"
        default: "a JSON object"
        }
    }
}
