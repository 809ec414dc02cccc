import ExtentCheck
import ExtentCheckTesting
import Foundation
import Fuzzing
import PropertyBased
import Testing

/// Property checks over generated workloads, as a user writes them.
@Suite struct GeneratorTests {
    static let small = WorkloadBounds(blocks: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 2)

    @Test("for all workloads within small bounds, buffered-fallback keeps csum-matches-data")
    func bufferedFallbackKeepsChecksums() async {
        await propertyCheck(count: 30, input: Gen.workload(within: Self.small)) { workload in
            workload.expect(.csumMatchesData, .holds, under: "buffered-fallback")
        }
    }

    @Test("generated workloads lie within the bounds, and so do their shrink candidates")
    func generatedWithinBounds() async {
        await propertyCheck(count: 200, input: Gen.workload(within: Self.small)) { workload in
            #expect(Self.small.contains(workload))
            #expect(workload.shrinkCandidates.allSatisfy(Self.small.contains))
        }
    }

    @Test("a failing property check reports the shrunk workload as a model file, and its trace")
    func failureIsTheShrunkModelFile() async {
        let recorded = Recorded()
        await withKnownIssue {
            await propertyCheck(count: 50, input: Gen.workload(within: Self.small)) { workload in
                workload.expect(.csumMatchesData, .holds, under: "dio-csum")
            }
        } matching: { issue in
            recorded.append(String(describing: issue))
            return true
        }
        let reports = recorded.texts.filter { $0.contains("\nactors:\n") }
        // The matcher also sees the issues of the shrinking runs, which the property check suppresses;
        // the last is the final run's, on the shrunk workload.
        let report = reports.last ?? ""
        #expect(report.contains("      - dio-write: {from: buffer-1, at: 0, blocks: 1}\n"), "\(report)")
        #expect(report.contains("    mutator: {target: buffer-1, budget: 1}\n"))
        #expect(!report.contains("writer-2:"))
        #expect(report.contains("5. kernel     complete bio writer-1"))
        #expect(recorded.texts.contains { $0.contains("shrunk down from") || $0.contains("occured with input 1 block; writer-1: dio-write block 0; mutator-1") })
    }

    @Test("a violation the policy has is no failure when expected")
    func expectedViolation() {
        let race = Workload(
            geometry: Geometry(blocks: 1), writers: [[.directWrite(at: 0, blocks: 1)]],
            mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])
        let result = race.expect(.csumMatchesData, .violated, under: "dio-csum")
        #expect(result?.trace?.steps.count == 5)
        withKnownIssue { race.expect(.csumMatchesData, .holds, under: "dio-csum") }
    }
}

/// Issues seen by a `withKnownIssue` matcher, which may run on any thread.
private final class Recorded: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ text: String) { lock.withLock { items.append(text) } }
    var texts: [String] { lock.withLock { items } }
}
