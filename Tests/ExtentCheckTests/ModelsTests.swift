import ExtentCheck
import Foundation
import Testing

/// Every model file in `Models/` is a regression test: checked through the library API,
/// each of its verdicts must be the one its `expect` section states.
@Suite("Models/ files")
struct ModelsTests {
    @Test("the Models folder holds the seed's scenarios")
    func modelsFolderIsComplete() {
        let files = PackagePaths.modelFiles
        #expect(!files.isEmpty, "no *.yaml in \(PackagePaths.models.path)")
        for name in ["qemu-cache-none", "threaded-dio", "mmap-during-writeback", "raid1-mirrors", "no-mutator"] {
            #expect(files.contains("Models/\(name).yaml"), "Models/\(name).yaml is missing; found \(files)")
        }
    }

    @Test("every verdict is as the model expects", arguments: PackagePaths.modelFiles)
    func verdictsAreAsExpected(file: String) throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        let report = try ExtentChecker().check(file: PackagePaths.absolute(file))

        // An empty report would be trivially as expected: every policy and invariant must be there.
        #expect(report.policies.map(\.policy) == scenario.policies.map(\.name), "\(file): policies checked")
        for policy in report.policies {
            #expect(policy.results.map(\.property) == scenario.invariants.map(\.name), "\(file): \(policy.policy): invariants")
            #expect(policy.limit == nil, "\(file): \(policy.policy) stopped early: \(policy.limit ?? "")")
            for result in policy.results {
                #expect(
                    result.status == .asExpected,
                    """
                    \(file): policy \(policy.policy), invariant \(result.property): \
                    verdict \(result.verdict.rawValue)\(result.reason.map { " (\($0))" } ?? ""), \
                    expected \(result.expected?.rawValue ?? "nothing (holds)")
                    """)
                #expect((result.verdict == .violated) == (result.trace != nil),
                    "\(file): \(policy.policy), \(result.property): a trace exactly when violated")
            }
        }
        #expect(report.status == .asExpected, "\(file): report status \(report.status.rawValue)")
    }

    @Test("every model says what it is about and expects a verdict for each of its policies",
        arguments: PackagePaths.modelFiles)
    func modelIsDocumentedAndExpectsEveryPolicy(file: String) throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        #expect(!scenario.about.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file): `about` is empty")
        #expect(!scenario.policies.isEmpty, "\(file): no policies")
        #expect(
            Set(scenario.expectations.keys) == Set(scenario.policies.map(\.name)),
            """
            \(file): expect covers \(scenario.expectations.keys.sorted()), \
            policies are \(scenario.policies.map(\.name))
            """)
    }
}
