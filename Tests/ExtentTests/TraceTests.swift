@_spi(Search) import Extent
import Testing

/// The seed's counterexample, read step by step as a user reads it.
@Suite struct TraceTests {
    @Test func theDioCsumTraceShowsTheRaceWithConsistentValues() throws {
        let run = try Run(Scenarios.qemuCacheNone(), Policy.builtIn(named: "dio-csum")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let trace = try run.model.trace(of: path, for: ExtentProperty.csumMatchesData)

        #expect(trace.steps.map(\.number) == [1, 2, 3, 4, 5])
        #expect(trace.steps.map(\.actor) == ["qemu", "kernel", "guest-fs", "device", "kernel"])
        #expect(
            trace.steps.map(\.step) == [
                "dio-write guest-page at 0 len 1 (direct)",
                "csum bio qemu block 0",
                "mutate guest-page word 0",
                "dma bio qemu mirror 0 block 0",
                "complete bio qemu",
            ])

        let submitted = try #require(value(of: "guest-page block 0", in: trace.initial))
        // 2. The checksum is taken from the buffer as it was at submission.
        let summed = try #require(change("bio qemu csum block 0", at: 2, in: trace)?.after)
        #expect(summed == "\(hex(crc32c(submitted), digits: 8)) = crc32c(\(hex(submitted, digits: 8)))")
        // 3. The guest changes the buffer while the bio is in flight.
        let mutation = try #require(change("guest-page block 0", at: 3, in: trace))
        #expect(mutation.before == hex(submitted, digits: 8))
        let changed = try #require(mutation.after.flatMap(parse))
        #expect(changed != submitted)
        // 4. The device reads the changed buffer.
        #expect(change("bio qemu dma mirror 0 block 0", at: 4, in: trace)?.after == hex(changed, digits: 8))
        // 5. Completion stores the changed data with the checksum of the old.
        #expect(change("stored block 0", at: 5, in: trace)?.after == hex(changed, digits: 8))
        #expect(change("stored block 0 csum", at: 5, in: trace)?.after == summed)
        #expect(change("bio qemu", at: 5, in: trace)?.after == nil)
        #expect(crc32c(changed) != crc32c(submitted))
        #expect(trace.conclusion.hasPrefix("stored block 0: the stored checksum \(summed)"))
        #expect(trace.conclusion.contains(hex(crc32c(changed), digits: 8)))
        #expect(trace.conclusion.contains("EIO"))
    }

    @Test func concreteTracesShowTheEnumeratedValues() throws {
        let run = try Run(Scenarios.qemuCacheNone(data: .concrete(2)), Policy.builtIn(named: "dio-csum")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let trace = try run.model.trace(of: path, for: ExtentProperty.csumMatchesData)
        #expect(trace.steps.count == 5)
        let mutation = try #require(change("guest-page block 0", at: 3, in: trace))
        #expect(mutation.before != mutation.after)
        #expect(trace.steps[2].step == "mutate guest-page word 0 := \(mutation.after!)")
        #expect(current("stored block 0 csum", after: 5, in: trace) == "H(\(mutation.before!))")
        #expect(current("stored block 0", after: 5, in: trace) == mutation.after)
    }

    @Test func aChecksummedViolationNamesTheCompleteThatStoredNoChecksum() throws {
        let run = try Run(Scenarios.qemuCacheNone(), Policy.builtIn(named: "nodatasum")!)
        let path = try #require(run.path(violating: ExtentProperty.checksummed))
        let trace = try run.model.trace(of: path, for: ExtentProperty.checksummed)
        #expect(trace.steps.map(\.step).last == "complete bio qemu")
        #expect(trace.conclusion.hasPrefix("complete bio qemu stored block 0 without a checksum"))
    }

    @Test func aMirrorViolationShowsTwoDifferentCopies() throws {
        let run = try Run(Scenarios.qemuCacheNone(mirrors: 2), Policy.builtIn(named: "nodatasum")!)
        let path = try #require(run.path(violating: ExtentProperty.mirrorsAgree))
        let trace = try run.model.trace(of: path, for: ExtentProperty.mirrorsAgree)
        let first = try #require(trace.steps.last?.changes.first { $0.what == "stored block 0 mirror 0" }?.after)
        let second = try #require(trace.steps.last?.changes.first { $0.what == "stored block 0 mirror 1" }?.after)
        #expect(first != second)
        #expect(trace.conclusion == "stored block 0: mirror 0 holds \(first) but mirror 1 holds \(second): "
            + "a read returns different data depending on the mirror")
    }

    /// Wide words make finding values slow, narrow ones make distinct values impossible (more
    /// variables than values): traces must come out of both.
    @Test(arguments: [(8, 64), (8, 3)])
    func wideAndNarrowBlocksGetTracesWithDifferingChecksums(blockWords: Int, wordBits: Int) throws {
        var scenario = Scenarios.qemuCacheNone(mirrors: 2)
        scenario.geometry.blockWords = blockWords
        scenario.geometry.wordBits = wordBits
        let run = try Run(scenario, Policy.builtIn(named: "dio-csum")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let trace = try run.model.trace(of: path, for: ExtentProperty.csumMatchesData)
        // "... the stored checksum S = crc32c(...) disagrees with the stored data, whose checksum is D = ...".
        let sums = trace.conclusion.split(separator: " ").filter { $0.hasPrefix("0x") && $0.count == 10 }
        #expect(sums.count == 2)
        #expect(Set(sums).count == 2)
    }

    func change(_ what: String, at step: Int, in trace: Trace) -> Trace.Change? {
        trace.steps[step - 1].changes.first { $0.what == what }
    }

    /// The value of a part after `step`: its last change up to there, or its initial value.
    func current(_ what: String, after step: Int, in trace: Trace) -> String? {
        for number in stride(from: step, through: 1, by: -1) {
            if let change = change(what, at: number, in: trace) { return change.after }
        }
        return trace.initial.first { $0.what == what }?.after
    }

    private func value(of what: String, in parts: [Trace.Change]) -> UInt64? {
        parts.first { $0.what == what }?.after.flatMap(parse)
    }

    private func parse(_ text: String) -> UInt64? {
        text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : nil
    }
}

/// `0x` and `digits` hexadecimal digits.
func hex(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}

/// CRC-32C of a 32-bit word's four bytes, little-endian: the software reference.
func crc32c(_ word: UInt64) -> UInt64 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in 0..<4 {
        crc ^= UInt32((word >> (8 * UInt64(byte))) & 0xFF)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return UInt64(crc ^ 0xFFFF_FFFF)
}

extension TraceTests {
    @Test func theUndoneChangeSlipsPastTheVerify() throws {
        let run = try Run(Scenarios.qemuCacheNone(budget: 2, data: .concrete(2)), Policy.builtIn(named: "dio-verify")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let trace = try run.model.trace(of: path, for: ExtentProperty.csumMatchesData)
        let summed = try #require(current("bio qemu csum block 0", after: 2, in: trace))
        let first = try #require(change("guest-page block 0", at: 3, in: trace))
        let second = try #require(change("guest-page block 0", at: 5, in: trace))
        #expect(trace.steps.map { $0.step.components(separatedBy: " := ")[0] } == [
            "dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "mutate guest-page word 0",
            "dma bio qemu mirror 0 block 0", "mutate guest-page word 0", "complete bio qemu",
        ])
        // The device reads the changed value; the buffer is back to the summed one when the verify reads it.
        #expect(summed == "H(\(first.before!))" && first.after != first.before)
        #expect(current("bio qemu dma mirror 0 block 0", after: 4, in: trace) == first.after)
        #expect(second.after == first.before)
        #expect(current("stored block 0", after: 6, in: trace) == first.after)
        #expect(current("stored block 0 csum", after: 6, in: trace) == summed)
    }

    @Test func theVerifyRaisesAFalseAlarm() throws {
        let run = try Run(Scenarios.qemuCacheNone(data: .concrete(2)), Policy.builtIn(named: "dio-verify")!)
        let path = try #require(run.path(violating: ExtentProperty.writesSucceed))
        let trace = try run.model.trace(of: path, for: ExtentProperty.writesSucceed)
        #expect(trace.steps.map { $0.step.components(separatedBy: " := ")[0] } == [
            "dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "dma bio qemu mirror 0 block 0",
            "mutate guest-page word 0", "complete bio qemu (fails)",
        ])
        // The device received exactly what was summed: the error is a false alarm.
        let received = try #require(current("bio qemu dma mirror 0 block 0", after: 3, in: trace))
        #expect(current("bio qemu csum block 0", after: 3, in: trace) == "H(\(received))")
        #expect(trace.conclusion.hasPrefix("complete bio qemu (fails): the verify reads block 0 of the source as"))
        #expect(trace.conclusion.hasSuffix("the write returns EIO"))
    }

    @Test func theGuardFailsOnlyAChangeBeforeTheDeviceRead() throws {
        let run = try Run(Scenarios.qemuCacheNone(data: .concrete(2)), Policy.builtIn(named: "pi-guard")!)
        let path = try #require(run.path(violating: ExtentProperty.writesSucceed))
        let trace = try run.model.trace(of: path, for: ExtentProperty.writesSucceed)
        #expect(trace.steps.map { $0.step.components(separatedBy: " := ")[0] } == [
            "dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "mutate guest-page word 0",
            "dma bio qemu mirror 0 block 0", "complete bio qemu (fails)",
        ])
        #expect(trace.conclusion.hasPrefix("complete bio qemu (fails): the device rejects block 0 on mirror 0"))
        // The failed write stored nothing: the stored block is as it started.
        #expect(current("stored block 0", after: 5, in: trace) == current("stored block 0", after: 0, in: trace))
    }
}

extension TraceTests {
    @Test func theUndoneChangeSlipsPastTheVerifyForSymbolicWords() throws {
        let run = try Run(Scenarios.qemuCacheNone(budget: 2), Policy.builtIn(named: "dio-verify")!)
        let path = try #require(run.path(violating: ExtentProperty.csumMatchesData))
        let trace = try run.model.trace(of: path, for: ExtentProperty.csumMatchesData)
        #expect(trace.steps.map(\.step) == [
            "dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "mutate guest-page word 0",
            "dma bio qemu mirror 0 block 0", "mutate guest-page word 0", "complete bio qemu",
        ])
        // Z3's values satisfy the path condition: the second change restores the summed word.
        let summed = try #require(current("bio qemu csum block 0", after: 2, in: trace))
        let first = try #require(change("guest-page block 0", at: 3, in: trace))
        let restored = try #require(change("guest-page block 0", at: 5, in: trace))
        #expect(summed.hasSuffix("= crc32c(\(first.before!))"))
        #expect(restored.after == first.before && first.after != first.before)
        #expect(current("stored block 0", after: 6, in: trace) == first.after)
        #expect(trace.conclusion.contains("disagrees with the stored data"))
    }
}
