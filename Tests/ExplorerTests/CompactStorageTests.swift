@_spi(Search) @testable import Explorer
import Testing

/// A state of a few bytes whose length varies, to cross chunk boundaries: its length in two bytes,
/// then its values.
private struct Bytes: PackableState, Equatable {
    var values: [UInt8]
    init(values: [UInt8]) { self.values = values }

    var packedLengthBound: Int { 2 + values.count }

    func pack(into bytes: UnsafeMutableRawPointer) -> Int {
        bytes.storeBytes(of: UInt16(values.count).littleEndian, as: UInt16.self)
        values.withUnsafeBytes { if let values = $0.baseAddress { (bytes + 2).copyMemory(from: values, byteCount: $0.count) } }
        return 2 + values.count
    }

    static func packedLength(of bytes: UnsafeRawBufferPointer) -> Int {
        2 + Int(UInt16(littleEndian: bytes.loadUnaligned(as: UInt16.self)))
    }

    init(unpacking bytes: UnsafeRawBufferPointer) { values = Array(bytes[2..<Self.packedLength(of: bytes)]) }
}

@Suite struct CompactStorageTests {
    private func state(_ number: Int) -> Bytes {
        Bytes(values: (0..<(number % 300)).map { UInt8(truncatingIfNeeded: $0 &+ number) })
    }

    @Test func aPackedBatchGivesBackEveryStateByPlaceAndKeepsThoseAsked() {
        let batch = PackedStateBatch<Bytes>()
        let count = 5_000
        for number in 0..<count { batch.append(state(number)) }
        #expect(batch.count == count)
        #expect((0..<count).allSatisfy { batch.state(at: $0) == state($0) })
        var asked: [Int] = []
        batch.retain { index in
            asked.append(index)
            return index % 3 == 1
        }
        #expect(asked == Array(0..<count))
        #expect(batch.count == (count + 1) / 3)
        #expect((0..<batch.count).allSatisfy { batch.state(at: $0) == state(1 + 3 * $0) })
        batch.retain { _ in false }
        #expect(batch.count == 0 && batch.bytes.count == 0 && batch.bytes.capacity == 0)
    }

    @Test func aPackedStackGivesBackWhatWasPutInInReverseAcrossChunks() {
        var frontier = PackedFrontier<Bytes>()
        let count = 20_000
        for number in 0..<count { frontier.append(state(number), number: UInt32(number), depth: 0) }
        for number in stride(from: count - 1, through: 0, by: -1) {
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

    @Test func theLogKeepsParentsTooFarForAnEntryAside() {
        var log = DiscoveryLog()
        let far = Int(DiscoveryLog.farDistance)
        let count = far + 3 * (1 << DiscoveryLog.chunkShift)
        // Each state's parent as a depth-first search might number it: mostly the state before, one
        // in a thousand as far back as an entry holds, and a few further back: the first state, and
        // state 7 exactly as far as an entry cannot hold (state 10 from `far + 9` fits).
        func parent(_ number: Int) -> Int {
            if number == far || number == far + 5 { return 0 }
            if number == far + 7 { return 7 }
            if number == far + 9 { return 10 }
            return number % 1000 == 3 ? max(0, number - far + 1) : number - 1
        }
        #expect(log.append(parent: nil, choice: 3) == 0)
        for number in 1..<count { _ = log.append(parent: UInt32(parent(number)), choice: number == far + 5 ? 70_000 : 1) }
        #expect(log.count == count)
        #expect(log.entry(0) == (0, 3))
        for number in [1, 1003, far - 1, far, far + 1, far + 5, far + 7, far + 9, count - 1] {
            #expect(log.entry(UInt32(number)) == (UInt32(parent(number)), number == far + 5 ? 70_000 : 1))
        }
        #expect(log.farParents.numbers == [UInt32(far), UInt32(far + 5), UInt32(far + 7)])
    }

    @Test func aBreadthFirstLogFollowsThePreviousParentAndKeepsBackwardStepsAside() {
        var log = DiscoveryLog(reference: .previousParent)
        let count = 3 * (1 << DiscoveryLog.chunkShift)
        let far = Int(DiscoveryLog.farDistance)
        // Three initial states, then parents in order (a parent of three successors, then parents
        // with gaps between them), except for one far ahead of the one before, a few far behind it,
        // and every fifth 500 ahead of its neighbours: each parent behind the one before is kept aside.
        func parent(_ number: Int) -> Int? {
            if number < 3 { return nil }
            if number == 1_000 { return far + 20 }
            if number == 2_000 || number == 70_001 { return 5 }
            return number < 1_000 ? number / 3 : number - 1_000 + (number % 5 == 0 ? 500 : 0)
        }
        for number in 0..<count { _ = log.append(parent: parent(number).map(UInt32.init), choice: number % 3) }
        for number in [0, 2, 3, 63, 64, 65, 999, 1_000, 1_001, 1_999, 2_000, 2_001, 70_001, 70_002, count - 1] {
            #expect(log.entry(UInt32(number)) == (UInt32(parent(number) ?? number), number % 3), "\(number)")
        }
    }
}

extension CompactStorageTests {
    @Test func theFingerprintTableKeepsEveryKeyThroughItsShardsGrowth() {
        let table = FingerprintTable<Grid.Cell>(lastsTheSearch: true)
        var generator = SeededGenerator(seed: 7)
        var keys: [UInt64] = []
        for _ in 0..<200_000 { keys.append(max(generator.next(), 1)) }
        var inserted = 0
        for key in keys where table.insert(key) { inserted += 1 }
        #expect(inserted == keys.count)
        #expect(table.count == keys.count)
        // Every shard grew, and none is more than 90% full.
        #expect(table.shards.allSatisfy { $0.capacity > 1 << 7 && $0.count * 10 <= $0.capacity * 9 })
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

    @Test func aTableKeepsRunsThatCrowdItsLastHomesInOrder() {
        // Every value near the top of the range: their homes are the last slots, so their runs
        // spill past them and make the table grow early; odd values only, so that even ones are absent.
        var shard = FingerprintShard()
        let values = (0..<5_000).map { FingerprintShard.keptBits - 2 * UInt64(($0 * 7_919) % 5_000) }
        #expect(values.allSatisfy { shard.insert($0) })
        #expect(shard.count == values.count && !values.contains { shard.insert($0) })
        #expect(values.allSatisfy { shard.contains($0) } && !values.contains { shard.contains($0 - 1) })
        let kept = (0..<shard.slotCount).map { shard.value(at: $0) }.filter { $0 != 0 }
        #expect(kept == values.sorted())
        shard.deallocate()
    }

    @Test(arguments: [0, 1, 28, 29, 35, 36, 500])
    func theGrowthABatchWouldCauseIsWhatInsertingItOneByOneAllocates(keys count: Int) {
        // Keys of one table, and one of another for a batch of any length above 0.
        var generator = SeededGenerator(seed: UInt64(count))
        var keys = (0..<count).map { _ in 5 << 56 | max(generator.next() & FingerprintShard.keptBits, 2) }
        if count > 0 { keys[0] = 9 << 56 | 2 }
        let table = FingerprintTable<Grid.Cell>(lastsTheSearch: true)
        let predicted = table.bytesOfGrowth(inserting: [Array(keys.prefix(count / 2)), Array(keys.dropFirst(count / 2))])
        var allocated = 0
        for key in keys {
            allocated += table.bytesOfGrowth(inserting: key)
            _ = table.insert(key)
        }
        #expect(predicted == allocated)
        #expect(count == 0 || allocated > 0)
    }

    @Test func aFingerprintIsToldFromAnotherByTheBitsItsTableKeeps() {
        let table = FingerprintTable<Grid.Cell>(lastsTheSearch: true)
        // The same low seven bytes in two tables; then the two fingerprints that share a slot value,
        // 0 marking an empty slot.
        #expect(table.insert(0x0100_0000_0000_00AB) && table.insert(0x0200_0000_0000_00AB))
        #expect(!table.contains(0x0300_0000_0000_00AB))
        #expect(table.insert(0x0500_0000_0000_0001) && !table.insert(0x0500_0000_0000_0000))
    }

    @Test(arguments: [1, 2, 3, 64])
    func insertingBatchesOnThreadsAnswersAsInsertingOneByOne(threads: Int) {
        var generator = SeededGenerator(seed: 11)
        // Batches that repeat keys within and across one another, and keys already present.
        let pool = (0..<30_000).map { _ in max(generator.next(), 1) }
        let batches = (0..<40).map { _ in (0..<2_000).map { _ in pool[Int(generator.next() % UInt64(pool.count))] } }
        let sequential = FingerprintTable<Grid.Cell>(lastsTheSearch: true)
        let concurrent = FingerprintTable<Grid.Cell>(lastsTheSearch: true)
        for key in pool.prefix(5_000) {
            _ = sequential.insert(key)
            _ = concurrent.insert(key)
        }
        let expected = batches.map { $0.map { sequential.insert($0) } }
        #expect(concurrent.insert(batches: batches, workers: threads) == expected)
        #expect(concurrent.count == sequential.count)
    }
}
