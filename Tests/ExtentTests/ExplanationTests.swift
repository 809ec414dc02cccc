@_spi(Search) import Explorer
@_spi(Search) import Extent
import Testing

/// A trace's explanation: where each side of the failing comparison came from.
@Suite struct ExplanationTests {
    @Test func theDioCsumRaceIsTheCsumTheMutationAndTheDma() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        let summed = try #require(trace.steps[1].changes.first?.after?.components(separatedBy: " = ").first)
        let changed = try #require(trace.steps[2].changes.first { $0.what == "guest-page block 0" })
        let (before, after) = (try #require(changed.before), try #require(changed.after))
        #expect(trace.explanation == [
            "stored block 0's checksum does not match its data",
            "its checksum \(summed) was computed at step 2 (`csum bio qemu block 0`) from guest-page block 0 = \(before)",
            "its data \(after) was read by the device at step 4 (`dma bio qemu mirror 0 block 0`) from guest-page block 0 "
                + "= \(after), after guest-fs changed guest-page word 0 at step 3 (`mutate guest-page word 0`)",
            "both were stored at step 5 (`complete bio qemu`)",
            "\(hex(crc32c(UInt64(after.dropFirst(2), radix: 16)!), digits: 8)) = crc32c(\(after)) ≠ \(summed)",
        ])
    }

    @Test func anUndoneChangeIsTheOneBetweenCsumAndDma() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(budget: 2), "dio-verify", .csumMatchesData)
        #expect(trace.steps.count == 6)
        let data = try #require(trace.explanation.first { $0.hasPrefix("its data") })
        #expect(data.contains("at step 4 (`dma bio qemu mirror 0 block 0`)"))
        #expect(data.contains("after guest-fs changed guest-page word 0 at step 3"))
        // The change at step 5 undoes the first after the device read: not why the data differs.
        #expect(!trace.explanation.joined().contains("step 5"))
    }

    @Test func differingMirrorsNameTheDmaOfEach() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(mirrors: 2), "nodatasum", .mirrorsAgree)
        #expect(trace.explanation.first == "stored block 0's mirrors differ: mirror 0 and mirror 1")
        let zero = try #require(trace.explanation.first { $0.hasPrefix("mirror 0's copy") })
        let one = try #require(trace.explanation.first { $0.hasPrefix("mirror 1's copy") })
        #expect(zero.contains("`dma bio qemu mirror 0 block 0`") && !zero.contains("after"))
        #expect(one.contains("`dma bio qemu mirror 1 block 0`") && one.contains("after guest-fs changed guest-page word 0"))
    }

    @Test func aFailedVerifyNamesTheChangeAfterTheCsum() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(), "dio-verify", .writesSucceed)
        #expect(trace.explanation.first == "the verify at step 5 (`complete bio qemu (fails)`) finds block 0 of the source changed since its checksum")
        #expect(trace.explanation.contains { $0.hasPrefix("the verify reads guest-page block 0") && $0.contains("at step 4") })
    }

    @Test func aRejectedGuardNamesTheChangeBeforeTheDeviceRead() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(), "pi-guard", .writesSucceed)
        #expect(trace.explanation.first?.hasPrefix("the device at step 5 (`complete bio qemu (fails)`) rejects block 0 on mirror 0") == true)
        #expect(trace.explanation.contains { $0.hasPrefix("the guard") && $0.contains("at step 2 (`csum bio qemu block 0`)") })
        #expect(trace.explanation.contains { $0.hasPrefix("the data") && $0.contains("after guest-fs changed guest-page word 0 at step 3") })
    }

    @Test func anUnchecksummedWriteNamesThePolicy() throws {
        let trace = try Run.trace(Scenarios.qemuCacheNone(), "nodatasum", .checksummed)
        #expect(trace.explanation == [
            "step 3 (`complete bio qemu`) stores block 0 with no checksum: policy nodatasum computes none for direct writes"
        ])
    }

    @Test func aPropertyStatedInSwiftHasItsOwnSentenceOnly() throws {
        let stored = ExtentProperty.always("nothing-stored", meaning: "a write stored something") { state in
            [Finding(when: try state.stored[0].mirror(0) == state.buffers[0].block(0), "stored block 0 is the buffer's")]
        }
        let trace = try Run.trace(Scenarios.qemuCacheNone(), "dio-csum", stored)
        #expect(trace.explanation.isEmpty)
        #expect(trace.conclusion == "stored block 0 is the buffer's")
    }
}
