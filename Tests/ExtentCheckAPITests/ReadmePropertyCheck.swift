import ExtentCheckTesting
import PropertyBased
import Testing

@Test func bufferedFallbackKeepsChecksums() async {
    await propertyCheck(input: Gen.workload(within: WorkloadBounds(blocks: 2, writers: 2))) { workload in
        workload.expect(.csumMatchesData, .holds, under: "buffered-fallback")
    }
}
