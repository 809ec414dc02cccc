import ExtentCheck
import Foundation

/// The bundled models, found from this file's location: `<root>/Tests/ExtentCheckAPITests/BundledModels.swift`.
enum BundledModels {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every model of `Models/`, by name.
    static let names = [
        "qemu-cache-none", "threaded-dio", "mmap-during-writeback", "raid1-mirrors", "no-mutator", "two-writers",
    ]

    /// The path of the model named `name`.
    static func path(_ name: String) -> String {
        root.appendingPathComponent("Models/\(name).yaml").path
    }

    /// The verdict of each example property under each built-in policy on the model named `name`:
    /// `[policy: [property: verdict]]`, from one search per policy.
    static func exampleVerdicts(_ name: String) throws -> [String: [String: Verdict]] {
        let checker = ExtentChecker(
            options: CheckOptions(policies: Policy.builtIn.map(\.name), properties: ExampleProperties.all.map(\.name)),
            properties: ExampleProperties.all)
        let report = try checker.check(file: path(name))
        return Dictionary(
            uniqueKeysWithValues: report.policies.map { policy in
                (policy.policy, Dictionary(uniqueKeysWithValues: policy.results.map { ($0.property, $0.verdict) }))
            })
    }
}
