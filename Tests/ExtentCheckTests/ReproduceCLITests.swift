import Foundation
import Testing

/// `extentcheck reproduce` from the command line: the files it writes, and its refusals.
@Suite("extentcheck reproduce")
struct ReproduceCLITests {
    @Test("writes the program, the runner, the fstests case and the Swift test, and says so")
    func writesEveryFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await ExtentCheckTool.run([
            "reproduce", "Models/raid1-mirrors.yaml", "--policy", "nodatasum", "--invariant", "mirrors-agree",
            "--out", directory.path, "--fstests-number", "77",
        ])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.lines.first?.contains("counterexample to mirrors-agree") == true, "\(run.transcript)")
        for file in [
            "extentcheck-raid1-mirrors.c", "run.sh", "fstests/tests/btrfs/077", "fstests/tests/btrfs/077.out",
            "fstests/src/extentcheck-raid1-mirrors.c", "Raid1MirrorsNodatasumMirrorsAgreeReproduction.swift",
        ] {
            let path = directory.appendingPathComponent(file).path
            #expect(FileManager.default.fileExists(atPath: path), "\(file)")
            #expect(run.stdout.contains("wrote \(path)"), "\(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("run.sh").path))
        // The fixed parts come from the Reproducer's resources, the model's parts from the trace.
        let runner = try String(contentsOf: directory.appendingPathComponent("run.sh"), encoding: .utf8)
        #expect(runner.contains("mirrors_property='mirrors-agree'"), "\(runner)")
        #expect(runner.contains("report \"$mirrors_property\" $kernel"), "\(runner)")
        let program = try String(contentsOf: directory.appendingPathComponent("extentcheck-raid1-mirrors.c"), encoding: .utf8)
        #expect(program.contains("#define MIRRORS 2"), "\(program)")
        #expect(program.contains("int main(int argc, char **argv)"), "\(program)")
        #expect(!program.contains("#include \"reproduction.h\""), "\(program)")
    }

    @Test("an invariant the model does not decide is bad input, and nothing is written")
    func unknownInvariant() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extentcheck-repro-\(UUID().uuidString)")
        let run = try await ExtentCheckTool.run([
            "reproduce", "Models/qemu-cache-none.yaml", "--policy", "dio-csum", "--invariant", "mirrors-agree",
            "--out", directory.path,
        ])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("does not decide invariant mirrors-agree"), "\(run.transcript)")
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("an output directory that cannot be made is bad input")
    func unwritableDirectory() async throws {
        let run = try await ExtentCheckTool.run([
            "reproduce", "Models/qemu-cache-none.yaml", "--policy", "dio-csum", "--out", "Models/qemu-cache-none.yaml/out",
        ])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("cannot write"), "\(run.transcript)")
    }
}
