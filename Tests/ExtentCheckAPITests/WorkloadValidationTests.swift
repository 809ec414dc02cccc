import ExtentCheckTesting
import Testing

/// Workloads built by hand go through the scenario's validation too: out-of-range numbers are an
/// issue the test reports, not a trap.
@Suite struct WorkloadValidationTests {
    @Test("a workload with numbers out of range records the scenario's error as its issue")
    func outOfRangeWorkload() {
        let workload = Workload(
            geometry: Geometry(blocks: 2), writers: [[.directWrite(at: Int.max, blocks: 2)]],
            mutators: [Workload.Mutator(target: .writerBuffer(3), budget: -1)])
        #expect(workload.description == "2 blocks; writer-1: dio-write 2 blocks at \(Int.max); mutator-1: buffer-4, budget -1")
        withKnownIssue {
            workload.expect(.csumMatchesData, .holds, under: "dio-csum")
        } matching: { issue in
            String(describing: issue).contains("step 0: at: at must be a block of the file, 0 through 1, found \(Int.max)")
        }
    }
}
