import Conformance
import Foundation

/// A log written as a recorder writes one: the header, each run's events with times in order, the
/// end record.
struct LogText {
    /// Every kind of event the format has, for a header that observes them all.
    static let everything = [
        "dio-write", "write", "fsync", "return", "mutate", "read", "dio-read", "read-return", "dio-submit", "writeback", "csum",
        "complete",
    ]

    var model: String
    var observes = Self.everything
    var lines: [String] = []
    private var time: UInt64 = 1_000

    init(model: String, observes: [String] = Self.everything) {
        self.model = model
        self.observes = observes
    }

    /// Appends one run's events, each the inside of a JSON object after its time, slot and pass:
    /// `"event":"dio-write","actor":"qemu"`.
    mutating func run(slot: Int = 0, pass: Int = 0, _ events: [String]) {
        for event in events {
            time += 10
            lines.append("{\"t\":\(time),\"slot\":\(slot),\"pass\":\(pass),\(event)}")
        }
    }

    /// The log's text, complete.
    var text: String {
        let observed = observes.map { "\"\($0)\"" }.joined(separator: ",")
        let header = "{\"format\":\"extentcheck-events\",\"version\":1,\"model\":\"\(model)\",\"observes\":[\(observed)]}"
        return ([header] + lines + ["{\"t\":\(time + 10),\"event\":\"end\"}"]).joined(separator: "\n") + "\n"
    }

    /// The log, read.
    func read() throws -> EventLog { try EventLog.parse(Data(text.utf8), path: "test.ndjson") }
}

/// Events of a run, as recorders write them.
enum Logged {
    static func call(_ kind: String, _ actor: String) -> String { "\"event\":\"\(kind)\",\"actor\":\"\(actor)\"" }
    static func returned(_ actor: String, _ result: String = "ok") -> String {
        "\"event\":\"return\",\"actor\":\"\(actor)\",\"result\":\"\(result)\""
    }
    static func readReturned(_ actor: String, _ result: String) -> String {
        "\"event\":\"read-return\",\"actor\":\"\(actor)\",\"result\":\"\(result)\""
    }
    static func mutate(_ actor: String, block: Int = 0, word: Int = 0) -> String {
        "\"event\":\"mutate\",\"actor\":\"\(actor)\",\"block\":\(block),\"word\":\(word)"
    }
    static func writeback(_ block: Int) -> String { "\"event\":\"writeback\",\"block\":\(block)" }
    static func kernel(_ kind: String) -> String { "\"event\":\"\(kind)\"" }

    /// qemu-cache-none's writer as btrfs before 968f19c5b1b7 runs it: the bio submitted from the
    /// guest's page, summed, the page changed, the bio completed.
    static let directWrite = [
        call("dio-write", "qemu"), kernel("dio-submit"), kernel("csum"), mutate("guest-fs"), kernel("complete"),
        returned("qemu"), call("fsync", "qemu"), returned("qemu"),
    ]

    /// The same write as btrfs since 968f19c5b1b7 runs it: copied into the page cache, written back
    /// and waited for before the call returns.
    static let fallenBackWrite = [
        call("dio-write", "qemu"), writeback(0), kernel("csum"), mutate("guest-fs"), kernel("complete"), returned("qemu"),
        call("fsync", "qemu"), returned("qemu"),
    ]
}
