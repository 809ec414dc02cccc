// The example of README.md, verbatim: GuideTests checks that README shows this file.
import ExtentCheck
import Testing

@Test func storedBlocksAgreeWithTheirChecksumsOnceNothingIsInFlight() throws {
    let quiescentAgreement = ExtentProperty.always(
        "quiescent-agreement",
        meaning: "with no bio in flight, a stored block disagrees with its checksum"
    ) { state in
        guard state.bios.isEmpty else { return nil }
        for block in state.stored {
            if let checksum = block.checksum, try state.mayDiffer(checksum, state.checksum(of: block.mirror(0))) {
                return "no bio in flight, yet stored block \(block.index) disagrees with its checksum"
            }
        }
        return nil
    }
    // Throws, with the counterexample as its message, unless the verdict is `holds`.
    try ExtentChecker().expect(quiescentAgreement, .holds, in: "Models/qemu-cache-none.yaml", under: "buffered-fallback")
}
