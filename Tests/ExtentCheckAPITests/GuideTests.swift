import ExtentCheck
import Foundation
import Testing

/// The code of the DocC articles "Your first property" and "Reading a trace", compiled and run, and a
/// check that the articles and README show it verbatim.
@Suite("the DocC articles")
struct GuideTests {
    @Test func mirrorsAgreeOnceTheFallbackIsIn() throws {
        try ExtentChecker().expect(ExampleProperties.quiescentAgreement, .holds, in: "Models/raid1-mirrors.yaml", under: "dup-fallback")
    }

    @Test func theSeedsRaceBreaksQuiescentAgreement() throws {
        let failure = try #require(throws: ExpectationFailure.self) {
            try ExtentChecker().expect(ExampleProperties.quiescentAgreement, .holds, in: "Models/qemu-cache-none.yaml", under: "dio-csum")
        }
        #expect(failure.result.verdict == .violated)
    }

    @Test func theRaceWindowIsReachableBeforeTheFix() throws {
        let result = try ExtentChecker().expect(ExampleProperties.raceWindow, .holds, in: "Models/qemu-cache-none.yaml", under: "dio-csum")
        #expect(result.trace?.steps.count == 3)
    }

    @Test func aTraceFileReplaysOnItsModel() throws {
        let checker = ExtentChecker(options: CheckOptions(policies: ["dio-csum"]))
        let report = try checker.check(file: "Models/qemu-cache-none.yaml")
        let document = try #require(report.traceDocuments.first { $0.property == "csum-matches-data" })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).\(document.fileName(.itf))")
        defer { try? FileManager.default.removeItem(at: file) }
        try document.text(in: .itf).write(to: file, atomically: true, encoding: .utf8)

        let trace = try TraceDocument.load(contentsOf: file.path)
        let replay = try checker.replay(trace, on: ExtentChecker.loadModel(at: "Models/qemu-cache-none.yaml"))
        #expect(replay.verdict == .violated)
        #expect(replay.outcome == .reproduced(steps: 5, conclusion: document.trace.conclusion))
    }

    @Test(
        "every Swift block of the articles and of README is code of this test target",
        arguments: [
            "Sources/ExtentCheck/ExtentCheck.docc/YourFirstProperty.md", "Sources/ExtentCheck/ExtentCheck.docc/ReadingATrace.md",
            "README.md",
        ])
    func documentsShowCompiledCode(_ document: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("../../\(document)"), encoding: .utf8)
        let sources = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        let blocks = guide.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(!blocks.isEmpty, "\(document) has no Swift block")
        for block in blocks {
            var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            while lines.last == "" { lines.removeLast() }
            let code = sources.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let found = lines.count <= code.count && (0...(code.count - lines.count)).contains { start in
                Array(code[start..<(start + lines.count)]) == lines
            }
            #expect(found, "a block of \(document) is not code of Tests/ExtentCheckAPITests:\n\(block)")
        }
    }
}

