@_spi(Search) import Explorer
import ExtentCheck
import Testing

/// Reports do not depend on how many threads check a model: policies side by side, one search on
/// several threads, or both.
@Suite struct ParallelTests {
    /// The JSON report of `file` on `workers` threads, each thread taking one state at a time so that
    /// the threads' work interleaves as finely as it can; timings and the solver's counts, which
    /// depend on the threads, set aside.
    private func report(of file: String, policy: String? = nil, workers: Int) throws -> String {
        var options = CheckOptions(policies: policy.map { [$0] }, workers: workers)
        options.search.segmentSize = 1
        var report = try ExtentChecker(options: options).check(file: PackagePaths.absolute(file))
        for index in report.policies.indices {
            report.policies[index].search.seconds = 0
            report.policies[index].solver = nil
        }
        return try JSONReporter().render([report])
    }

    /// The first line where two reports differ, and both versions of it; nil if they are the same.
    private func difference(_ report: String, _ other: String) -> String? {
        guard report != other else { return nil }
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        let others = other.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(lines.count, others.count)).first { lines[$0] != others[$0] } ?? min(lines.count, others.count)
        return "line \(index + 1): \(index < lines.count ? lines[index] : "(end)") | \(index < others.count ? others[index] : "(end)")"
    }

    @Test(arguments: PackagePaths.modelFiles)
    func everyModelReportsTheSameOnOneTwoAndFourThreads(file: String) throws {
        let one = try report(of: file, workers: 1)
        for workers in [2, 4] {
            let difference = difference(one, try report(of: file, workers: workers))
            #expect(difference == nil, "\(workers) threads")
        }
    }

    @Test(arguments: PackagePaths.modelFiles)
    func eachPolicysSearchOnTwoAndFourThreadsReportsWhatOneThreadDoes(file: String) throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        for policy in scenario.policies.map(\.name) {
            let one = try report(of: file, policy: policy, workers: 1)
            for workers in [2, 4] {
                let difference = difference(one, try report(of: file, policy: policy, workers: workers))
                #expect(difference == nil, "\(policy) on \(workers) threads")
            }
        }
    }
}
