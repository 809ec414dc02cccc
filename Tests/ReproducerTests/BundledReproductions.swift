import ExtentCheck
import Foundation
import Reproducer

/// The reproductions of the bundled models: one per violated built-in invariant of every policy,
/// and one per policy that violates none.
enum BundledReproductions {
    /// The repository's root, from this file's location.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `Models/*.yaml` without crashes, as absolute paths, sorted: a model with crashes has no
    /// reproduction (`crashModelFiles`).
    static let modelFiles: [String] = bundledModelFiles.filter { (try? ExtentChecker.loadModel(at: $0))?.crashes == 0 }

    /// Every `Models/*.yaml` with crashes.
    static let crashModelFiles: [String] = bundledModelFiles.filter { !modelFiles.contains($0) }

    private static let bundledModelFiles: [String] = {
        let models = root.appendingPathComponent("Models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { models.appendingPathComponent($0).path }
    }()

    /// The reproduction of `Models/<model>.yaml` under `policy`, following `invariant`'s counterexample.
    static func reproduction(_ model: String, policy: String, invariant: String? = nil) throws -> Reproduction {
        try Reproduction(
            checking: root.appendingPathComponent("Models/\(model).yaml").path, policy: policy, invariant: invariant)
    }

    /// Every reproduction of `file`.
    static func all(of file: String) throws -> [Reproduction] {
        let scenario = try ExtentChecker.loadModel(at: file)
        let report = try ExtentChecker().check(scenario)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return try report.policies.flatMap { policy -> [Reproduction] in
            let violated = policy.results.filter { $0.verdict == .violated && $0.trace != nil }.map(\.property)
                .filter { name in scenario.invariants.contains { $0.name == name && $0.isBuiltIn } }
            let invariants: [String?] = violated.isEmpty ? [nil] : violated
            return try invariants.map { invariant in
                try Reproduction(scenario: scenario, policy: policy.policy, invariant: invariant, report: report, modelText: text)
            }
        }
    }
}
