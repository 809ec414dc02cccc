import ExtentCheck
import Testing

/// Policies checked side by side give exactly the reports of policies checked one after the other.
@Suite struct ParallelTests {
    @Test(arguments: PackagePaths.modelFiles)
    func parallelChecksReportWhatSequentialChecksReport(file: String) throws {
        let sequential = try ExtentChecker(options: CheckOptions(jobs: 1)).check(file: PackagePaths.absolute(file))
        let parallel = try ExtentChecker(options: CheckOptions(jobs: 4)).check(file: PackagePaths.absolute(file))
        #expect(sequential.policies.map(\.policy) == parallel.policies.map(\.policy))
        for (one, other) in zip(sequential.policies, parallel.policies) {
            #expect(one.results == other.results, "\(one.policy)")
            #expect(one.search.states == other.search.states, "\(one.policy)")
            #expect(one.search.transitions == other.search.transitions, "\(one.policy)")
        }
    }
}
