/// Seen states as 64-bit fingerprints, in seven bytes each: 256 tables, chosen by a fingerprint's
/// top byte, each keeping the other seven bytes of its fingerprints in order (see `FingerprintShard`) and
/// between 72% and 90% full: 7.8 to 9.7 bytes a state. A table grows by a quarter on its own, so
/// the memory a growth holds twice is a 256th of the whole; and tables are independent, so threads
/// insert into distinct tables at once.
///
/// The table a fingerprint is in says its top byte, so a fingerprint is told from every other by
/// the bytes it keeps: two states are taken for one only where their whole fingerprints are equal,
/// as in a table of 64-bit slots (and for the one pair in each table whose bits below the top byte
/// are 0 and 1, as 0 marks an empty slot).
@usableFromInline
final class FingerprintTable<State: StableHashable>: SeenStates, @unchecked Sendable {
    @usableFromInline static var shardBits: UInt64 { 8 }
    @usableFromInline static var shardCount: Int { 1 << Int(shardBits) }
    @usableFromInline let shards: UnsafeMutableBufferPointer<FingerprintShard>
    /// The bytes from which a table comes from the system rather than the heap.
    @usableFromInline let mappedBytes: Int

    /// An empty set. One that lasts the search maps its tables from 8 KiB, so that the tables it
    /// outgrows leave the heap; one that lasts a level keeps them in the heap up to 256 KiB, where
    /// the next level's reuse them without the system's help.
    @inlinable
    init(lastsTheSearch: Bool) {
        mappedBytes = lastsTheSearch ? 8 << 10 : 256 << 10
        shards = .allocate(capacity: Self.shardCount)
        shards.initialize(repeating: FingerprintShard())
    }

    deinit {
        for shard in shards { shard.deallocate(mappedFrom: mappedBytes) }
        shards.deallocate()
    }

    @inlinable
    var count: Int { shards.reduce(0) { $0 + $1.count } }

    @inlinable
    func shard(of key: UInt64) -> Int { Int(truncatingIfNeeded: key >> (64 - Self.shardBits)) }

    /// What a table keeps of `key`: the bits below its top byte, never 0.
    @inlinable
    func kept(_ key: UInt64) -> UInt64 { max(key & FingerprintShard.keptBits, 1) }

    @inlinable
    func bytesOfGrowth(inserting key: UInt64) -> Int {
        let shard = shards[shard(of: key)]
        return shard.needsGrowth ? FingerprintShard.bytes(capacity: FingerprintShard.grownCapacity(shard.capacity)) : 0
    }

    @inlinable
    func bytesOfGrowth(inserting batches: [[UInt64]]) -> Int {
        var added = [Int](repeating: 0, count: Self.shardCount)
        for keys in batches { for key in keys { added[shard(of: key)] += 1 } }
        var bytes = 0
        for (index, shard) in shards.enumerated() where added[index] > 0 {
            // A table grows before it takes a value at its growth count: the last key finds the rest in.
            let before = shard.count + added[index] - 1
            var capacity = shard.capacity
            while before >= FingerprintShard.growthCount(capacity: capacity) {
                capacity = FingerprintShard.grownCapacity(capacity)
                bytes += FingerprintShard.bytes(capacity: capacity)
            }
        }
        return bytes
    }

    @inlinable
    func key(of state: State) -> UInt64 { state.fingerprint.rawValue }

    @inlinable
    func insert(_ key: UInt64) -> Bool { shards[shard(of: key)].insert(kept(key), mappedFrom: mappedBytes) }

    @inlinable
    func contains(_ key: UInt64) -> Bool { shards[shard(of: key)].contains(kept(key)) }

    @inlinable
    func prefetch(_ key: UInt64) { shards[shard(of: key)].prefetch(kept(key)) }

    /// Each thread inserts the keys of the tables it owns, in order: a key's answer depends only on
    /// the keys of its own table before it.
    @inlinable
    func insert(batches: [[UInt64]], workers: Int) -> [[Bool]] {
        let answers = batches.map { UnsafeMutableBufferPointer<Bool>.allocate(capacity: $0.count) }
        defer { for answer in answers { answer.deallocate() } }
        let workers = max(1, min(workers, Self.shardCount))
        // The worker that owns each table, looked up rather than divided out for every key.
        let owners = (0..<Self.shardCount).map { UInt8(truncatingIfNeeded: $0 % workers) }
        runConcurrently(threads: workers) { worker in
            let worker = UInt8(truncatingIfNeeded: worker)
            for (batch, keys) in batches.enumerated() {
                for (index, key) in keys.enumerated() {
                    // The slot of a key a few places on is fetched while this one is inserted.
                    if index + 16 < keys.count, owners[shard(of: keys[index + 16])] == worker { prefetch(keys[index + 16]) }
                    let shard = shard(of: key)
                    if owners[shard] == worker { answers[batch][index] = shards[shard].insert(kept(key), mappedFrom: mappedBytes) }
                }
            }
        }
        return answers.map { Array($0) }
    }
}
