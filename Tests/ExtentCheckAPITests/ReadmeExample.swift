// The example of README.md, verbatim: GuideTests checks that README shows this file.
import ExtentCheck
import Testing

@Test func storedBlocksAgreeWithTheirChecksumsOnceNothingIsInFlight() throws {
    let quiescentAgreement = ExtentProperty.always(
        "quiescent-agreement",
        meaning: "with no bio in flight, a stored block disagrees with its checksum"
    ) { state in
        guard state.bios.isEmpty else { return [] }
        return try state.stored.compactMap { block in
            guard let checksum = block.checksum else { return nil }
            return Finding(
                when: try checksum != state.checksum(of: block.mirror(0)),
                "no bio in flight, yet stored block \(block.index) disagrees with its checksum")
        }
    }
    // Throws, with the counterexample as its message, unless the verdict is `holds`.
    try ExtentChecker().expect(quiescentAgreement, .holds, in: "Models/qemu-cache-none.yaml", under: "buffered-fallback")
}
