import Foundation
import Testing

/// `--color`, `--quiet` and `--progress`: what reaches a pipe.
@Suite("output options")
struct OutputOptionsTests {
    @Test("piped output has no colour unless --color always, and no progress lines")
    func colourAndProgressOnAPipe() async throws {
        let auto = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum"])
        #expect(auto.status == 0 && !auto.stdout.contains("\u{1B}["), "\(auto.transcript)")
        #expect(auto.stderr.isEmpty, "\(auto.transcript)")
        let always = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1;31m=> stored block 0"), "\(always.transcript)")
        let never = try await ExtentCheckTool.run(["check", CLITests.qemu, "--policy", "dio-csum", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test("--quiet prints the results that are not as expected, then the closing line")
    func quiet() async throws {
        let model = try TemporaryModel(contents: CLITests.qemuExpectingHolds)
        defer { model.remove() }
        let run = try await ExtentCheckTool.run(["check", model.path, "--quiet"])
        #expect(run.status == 1, "\(run.transcript)")
        #expect(run.stdout == """
            qemu-expects-holds · dio-csum · csum-matches-data: violated, UNEXPECTED (expected holds)
            1 model, 6 results: 5 as expected, 1 unexpected, 0 unknown

            """, "\(run.transcript)")
        let both = try await ExtentCheckTool.run(["check", model.path, "--quiet", "--progress"])
        #expect(both.status == 2 && both.stderr.contains("--quiet and --progress contradict each other"), "\(both.transcript)")
    }
}
