@_spi(Search) import Explorer
@_spi(Search) import Extent
import Testing

/// The explanations of §9's invariants: the mirrors a read tried, the checksum compared and the step
/// that changed the memory under the check, with where each came from.
@Suite struct ReadExplanationTests {
    @Test func anEIONamesTheMirrorTriedAndWhereTheChecksumCameFrom() throws {
        let scenario = Scenarios.afterTheWrite(mirrors: 1, data: .symbolic, reader: [.read(at: 0, blocks: 1)])
        let trace = try Run.trace(scenario, "dio-csum", .readsSucceed)
        let lines = trace.explanation
        #expect(lines.first == "backup's read of block 0 returned EIO: every check it made failed")
        let fetched = try #require(lines.first { $0.hasPrefix("mirror 0 was fetched at") })
        #expect(fetched.contains("into the kernel page of backup's read"))
        #expect(fetched.contains("stored at step 5 (`complete bio qemu`)"))
        #expect(fetched.contains("after guest-fs changed guest-page word 0 at step 3"))
        #expect(lines.contains { $0.hasPrefix("the check at step 8 (`check block 0 mirror 0 (fails)`) compares: ") && $0.contains(" ≠ ") })
        #expect(lines.last?.hasPrefix("the stored checksum was computed at step 2 (`csum bio qemu block 0`)") == true)
    }

    @Test func aFalseAlarmNamesTheChangeUnderTheCheck() throws {
        let trace = try Run.trace(Scenarios.directRead(mirrors: 1, budget: 1, data: .symbolic), "dio-csum", .noFalseAlarm)
        #expect(trace.steps.count == 4)
        #expect(trace.explanation == [
            "the check at step 4 (`check block 0 mirror 0 (fails)`) fails mirror 0, whose data matches the stored checksum",
            "mirror 0 was fetched at step 2 (`fetch block 0 mirror 0 into read-buffer`) into read-buffer block 0 = "
                + trace.explanation[1].components(separatedBy: " = ").last!,
            trace.explanation[2],
            trace.explanation[3],
            "the stored checksum is the initial state's",
        ])
        #expect(trace.explanation[2].hasSuffix("after app changed read-buffer word 0 at step 3 (`mutate read-buffer word 0`)"))
        #expect(trace.explanation[3].hasPrefix("the check at step 4 (`check block 0 mirror 0 (fails)`) compares: "))
    }

    @Test func aSilentScrubSaysWhatItComparedAndWhereEachCopyCameFrom() throws {
        let trace = try Run.trace(Scenarios.afterTheWrite(mirrors: 2, data: .symbolic, scrubs: true), "nodatasum", .scrubFindsDamage)
        let lines = trace.explanation
        #expect(lines.first?.hasSuffix("the block has no checksum, and a scrub of policy nodatasum compares only checksums") == true)
        #expect(lines.contains { $0.hasPrefix("mirror 0 holds") && $0.contains("`dma bio qemu mirror 0 block 0`") })
        #expect(lines.contains { $0.hasPrefix("mirror 1 holds") && $0.contains("after guest-fs changed guest-page word 0") })
    }

    @Test func aRepairThatStoresAChangedBufferIsNamed() throws {
        let trace = try Run.trace(Scenarios.directRead(mirrors: 2, budget: 2, data: .symbolic), "dio-csum", .csumMatchesData)
        let data = try #require(trace.explanation.first { $0.hasPrefix("its data") })
        #expect(data.contains("was rewritten at step 8 (`repair block 0 mirror 0`) from read-buffer block 0"))
        #expect(data.contains("after app changed read-buffer word 0 at step 7"))
        #expect(trace.explanation.contains("the stored checksum is the initial state's"))
    }
}
