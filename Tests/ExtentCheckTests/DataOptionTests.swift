import Foundation
import Testing

/// `--data` overrides a model's data mode, within the same limits as the model file's key.
@Suite struct DataOptionTests {
    static let qemu = "Models/qemu-cache-none.yaml"

    @Test("--data concrete:2 checks the model in concrete mode, with the same verdicts")
    func dataOverride() async throws {
        let symbolic = try await ExtentCheckTool.run(["check", Self.qemu, "--format", "json"])
        let concrete = try await ExtentCheckTool.run(["check", Self.qemu, "--data", "concrete:2", "--format", "json"])
        #expect(concrete.status == 0, "\(concrete.transcript)")
        func verdicts(_ run: CommandResult) -> [String] {
            (run.json()?[array: "models"]?.first?[array: "policies"] ?? []).flatMap { policy in
                (policy[array: "results"] ?? []).map { "\(policy[string: "policy"] ?? ""):\($0[string: "property"] ?? "")=\($0[string: "verdict"] ?? "")" }
            }
        }
        #expect(verdicts(concrete) == verdicts(symbolic))
        #expect(concrete.json()?[array: "models"]?.first?[string: "shape"]?.contains("concrete:2 data") == true)
    }

    @Test("a bad --data is refused with exit 2 and the reason", arguments: [
        (["--data", "concrete:0"], "concrete:K needs K 1 through 251"),
        (["--data", "random"], "unknown data mode 'random'"),
        (["--data", "concrete:251", "Models/two-writers.yaml"], "initial states"),
    ])
    func badData(arguments: [String], message: String) async throws {
        let files = arguments.count > 2 ? [] : [Self.qemu]
        let run = try await ExtentCheckTool.run(["check"] + files + arguments)
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains(message), "\(run.transcript)")
        #expect(run.stdout.isEmpty)
    }
}
