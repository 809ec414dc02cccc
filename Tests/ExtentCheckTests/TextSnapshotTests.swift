import ExtentCheck
import Foundation
import Testing

/// The text of the seed's counterexample, plain and in colour, against files in `Snapshots/` (the
/// trace alone: the report around it has timings).
/// `EXTENTCHECK_RECORD_SNAPSHOTS=1 swift test --filter TextSnapshotTests` writes them afresh.
@Suite struct TextSnapshotTests {
    private func policyText(style: TextStyle) throws -> String {
        let report = try ExtentChecker(options: CheckOptions(policies: ["dio-csum"])).check(file: CLITests.qemu)
        let trace = try #require(report.policies[0].results.first { $0.property == "csum-matches-data" }?.trace)
        return TextReporter(style: style).render(trace).joined(separator: "\n") + "\n"
    }

    private func expect(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = PackagePaths.root.appendingPathComponent("Tests/ExtentCheckTests/Snapshots/\(name)").path
        if ProcessInfo.processInfo.environment["EXTENTCHECK_RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let snapshot = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == snapshot, "differs from Snapshots/\(name)", sourceLocation: sourceLocation)
    }

    @Test func theSeedsTraceInPlainText() throws {
        let text = try policyText(style: .plain)
        #expect(!text.contains("\u{1B}"))
        try expect(text, matches: "qemu-cache-none.dio-csum.txt")
    }

    @Test func theSeedsTraceInColour() throws {
        let text = try policyText(style: .color)
        // Colour only adds escapes: without them the text is the plain one.
        #expect(text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == (try policyText(style: .plain)))
        #expect(text.contains("\u{1B}[1;31m=> stored block 0: the stored checksum"), "the violation in bold red")
        #expect(text.contains("\u{1B}[1;36mguest-fs\u{1B}[0m"), "actors in cyan")
        #expect(text.contains("\u{1B}[1mguest-page block 0\u{1B}[0m: 0x7b1dcdaf -> \u{1B}[33m0x1c9756ce\u{1B}[0m"), "changes in yellow")
        try expect(text, matches: "qemu-cache-none.dio-csum.color.txt")
    }
}
