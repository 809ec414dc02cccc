import ExtentCheck
import Testing

/// Policies checked side by side give exactly the reports of policies checked one after the other.
@Suite struct ParallelTests {
    @Test(arguments: PackagePaths.modelFiles)
    func parallelChecksReportWhatSequentialChecksReport(file: String) throws {
        let sequential = try ExtentCheck.check(file: PackagePaths.absolute(file), options: CheckOptions(jobs: 1))
        let parallel = try ExtentCheck.check(file: PackagePaths.absolute(file), options: CheckOptions(jobs: 4))
        #expect(sequential.policies.map(\.policy) == parallel.policies.map(\.policy))
        for (one, other) in zip(sequential.policies, parallel.policies) {
            #expect(one.results == other.results, "\(one.policy)")
            #expect(one.search.states == other.search.states, "\(one.policy)")
            #expect(one.search.transitions == other.search.transitions, "\(one.policy)")
        }
    }
}
