import ExtentCheck
import Foundation
import Testing

/// The code of the DocC article "Your first property", compiled and run, and a check that the
/// article and README show it verbatim.
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

    @Test(
        "every Swift block of the article and of README is code of this test target",
        arguments: [
            "Sources/ExtentCheck/ExtentCheck.docc/YourFirstProperty.md", "README.md",
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

