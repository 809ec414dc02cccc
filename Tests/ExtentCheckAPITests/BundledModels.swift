import ExtentCheck
import Foundation

/// The bundled models, found from this file's location: `<root>/Tests/ExtentCheckAPITests/BundledModels.swift`.
enum BundledModels {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed's models of `Models/`, by name.
    static let names = [
        "qemu-cache-none", "threaded-dio", "mmap-during-writeback", "raid1-mirrors", "no-mutator", "two-writers",
    ]

    /// The policies of the contract's §3, the seed's: the example tables are stated for them.
    static let seedPolicies = [
        "dio-csum", "buffered-fallback", "nodatasum", "dio-skip-csum", "nodatasum-mount", "dio-bounce", "unstable-pages",
        "dup-fallback",
    ]

    /// The path of the model named `name`.
    static func path(_ name: String) -> String {
        root.appendingPathComponent("Models/\(name).yaml").path
    }

    /// The verdict of each example property under each of `seedPolicies` on the model named `name`:
    /// `[policy: [property: verdict]]`, from one search per policy.
    static func exampleVerdicts(_ name: String) throws -> [String: [String: Verdict]] {
        let checker = ExtentChecker(
            options: CheckOptions(policies: seedPolicies, properties: ExampleProperties.all.map(\.name)),
            properties: ExampleProperties.all)
        let report = try checker.check(file: path(name))
        return Dictionary(
            uniqueKeysWithValues: report.policies.map { policy in
                (policy.policy, Dictionary(uniqueKeysWithValues: policy.results.map { ($0.property, $0.verdict) }))
            })
    }
}
