@testable import Explorer
import Testing

/// A state of a few bytes whose length varies, to cross chunk boundaries.
private struct Bytes: PackableState, Equatable {
    var values: [UInt8]
    func pack(into bytes: inout ContiguousArray<UInt8>) { bytes.append(contentsOf: values) }
    init(values: [UInt8]) { self.values = values }
    init(unpacking bytes: UnsafeRawBufferPointer) { values = Array(bytes) }
}

@Suite struct CompactStorageTests {
    private func state(_ number: Int) -> Bytes {
        Bytes(values: (0..<(number % 300)).map { UInt8(truncatingIfNeeded: $0 &+ number) })
    }

    @Test func aPackedQueueGivesBackWhatWasPutInInOrderAcrossChunks() {
        var frontier = PackedFrontier<Bytes>()
        let count = 20_000  // about 3 MiB of entries: several chunks
        for number in 0..<count { frontier.append(state(number), number: UInt32(number), depth: number % 7) }
        for number in 0..<count {
            let entry = frontier.popFirst()
            #expect(entry?.state == state(number) && entry?.number == UInt32(number) && entry?.depth == number % 7)
            if entry?.state != state(number) { return }
        }
        #expect(frontier.popFirst() == nil && frontier.isEmpty)
    }

    @Test func aPackedStackGivesBackWhatWasPutInInReverseAcrossChunks() {
        var frontier = PackedFrontier<Bytes>()
        let count = 20_000
        for number in 0..<count { frontier.append(state(number), number: UInt32(number), depth: 0) }
        // Taken from both ends at once, as a mix of the two orders would.
        _ = frontier.popFirst()
        for number in stride(from: count - 1, through: 1, by: -1) {
            let entry = frontier.popLast()
            #expect(entry?.number == UInt32(number) && entry?.state == state(number))
            if entry?.number != UInt32(number) { return }
        }
        #expect(frontier.popLast() == nil && frontier.isEmpty)
    }

    @Test func theLogNumbersStatesAndRemembersTheirParentsAcrossChunks() {
        var log = DiscoveryLog()
        #expect(log.append(parent: nil, choice: 0) == 0)
        let count = (1 << DiscoveryLog.chunkShift) + 10
        // Choices of every size, some too large for a byte.
        func choice(_ number: Int) -> Int { number % 7 == 0 ? 254 + number % 1000 : number % 5 }
        for number in 1..<count {
            #expect(log.append(parent: UInt32(number - 1), choice: choice(number)) == UInt32(number))
        }
        #expect(log.entry(0) == (0, 0))
        for number in [1, 5, 7, 14, 700, (1 << DiscoveryLog.chunkShift) - 1, 1 << DiscoveryLog.chunkShift, count - 1] {
            #expect(log.entry(UInt32(number)) == (UInt32(number - 1), choice(number)))
        }
    }
}

extension CompactStorageTests {
    @Test func theFingerprintTableKeepsEveryKeyThroughItsShardsGrowth() {
        var table = FingerprintTable<Grid.Cell>()
        var generator = SeededGenerator(seed: 7)
        var keys: [UInt64] = []
        for _ in 0..<200_000 { keys.append(max(generator.next(), 1)) }
        var inserted = 0
        for key in keys where table.insert(key) { inserted += 1 }
        #expect(inserted == keys.count)
        #expect(table.count == keys.count)
        // Every shard grew, and none is more than 70% full.
        #expect(table.shards.allSatisfy { $0.slots.count > 1 << 7 && $0.count * 10 <= $0.slots.count * 7 })
        #expect(keys.allSatisfy { table.contains($0) })
        var reinserted = 0
        for key in keys where table.insert(key) { reinserted += 1 }
        #expect(reinserted == 0)
        #expect(table.count == keys.count)
        var absent = SeededGenerator(seed: 8)
        var found = 0
        for _ in 0..<10_000 where table.contains(max(absent.next(), 1)) { found += 1 }
        #expect(found == 0)
    }
}
