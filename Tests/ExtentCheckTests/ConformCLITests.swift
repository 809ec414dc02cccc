import Foundation
import Testing

/// `conform` end to end: what it prints and exits with, for a log a policy admits, one no policy
/// admits, and one that cannot be read.
@Suite struct ConformCLITests {
    static let header =
        #"{"format":"extentcheck-events","version":1,"model":"qemu-cache-none","kernel":"6.1.192-amd64","observes":["dio-write","fsync","return","mutate","dio-submit","writeback","csum","complete"]}"#

    /// A log of qemu-cache-none's write with `events`, one a line after the header, and the end record.
    static func log(_ events: [String]) throws -> TemporaryModel {
        let lines = events.enumerated().map { "{\"t\":\(100 + $0.offset),\"slot\":0,\"pass\":0,\($0.element)}" }
        return try TemporaryModel(
            named: "run.ndjson", contents: ([header] + lines + [#"{"t":999,"event":"end"}"#]).joined(separator: "\n") + "\n")
    }

    static let directWrite = [
        #""event":"dio-write","actor":"qemu""#, #""event":"dio-submit""#, #""event":"csum""#,
        #""event":"mutate","actor":"guest-fs","block":0,"word":0"#, #""event":"complete""#, #""event":"return","actor":"qemu","result":"ok""#,
    ]

    @Test("conform names the policies that admit a run and where the others refuse it; exit 0")
    func admitted() async throws {
        let log = try Self.log(Self.directWrite)
        defer { log.remove() }
        let run = try await ExtentCheckTool.run(["conform", log.path, "--model", "Models/qemu-cache-none.yaml"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.lines.first?.hasSuffix("against qemu-cache-none (Linux 6.1.192-amd64): 6 events in 1 run of the model, symbolic data") == true)
        #expect(run.stdout.contains("  dio-csum           admits the run (1 distinct run searched, "), "\(run.transcript)")
        #expect(run.stdout.contains("  buffered-fallback  refuses it at line 3: dio-submit (slot 0, pass 0, after 1 event of its run matched;"))
        #expect(run.stdout.hasSuffix("\nconsistent with: dio-csum, dio-bounce\n"))

        let json = try await ExtentCheckTool.run(["conform", log.path, "--model", "Models/qemu-cache-none.yaml", "--format", "json"])
        let document = try #require(json.json())
        #expect(document["version"] as? Int == 2)
        let report = try #require(document[object: "conform"])
        #expect(report["admittingPolicies"] as? [String] == ["dio-csum", "dio-bounce"])
        #expect((report["policies"] as? [[String: Any]])?.count == 6)
    }

    @Test("a run no policy checked admits exits 1")
    func refusedByAll() async throws {
        let log = try Self.log(Self.directWrite)
        defer { log.remove() }
        let run = try await ExtentCheckTool.run([
            "conform", log.path, "--model", "Models/qemu-cache-none.yaml", "--policy", "buffered-fallback", "--policy", "nodatasum",
        ])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.stdout.hasSuffix("\nconsistent with: none of the policies checked\n"))
    }

    @Test("a truncated log is an error at its last line; exit 2, nothing printed on standard output")
    func truncated() async throws {
        let log = try TemporaryModel(named: "run.ndjson", contents: Self.header + "\n" + #"{"t":1,"slot":0,"pass":0,"event":"csum"}"# + "\n")
        defer { log.remove() }
        let run = try await ExtentCheckTool.run(["conform", log.path, "--model", "Models/qemu-cache-none.yaml"])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("run.ndjson:3: the log has no end record"), "\(run.transcript)")
    }
}
