public import CMemory

/// The seen set of a search: every state it has reached, by key.
///
/// Lookups may run on several threads at once, and so may `insert(batches:workers:)`'s own threads;
/// nothing else may run beside an insertion.
@usableFromInline
protocol SeenStates: AnyObject {
    associatedtype State
    associatedtype Key: Equatable

    /// An empty set.
    init()
    /// The number of states seen.
    var count: Int { get }
    /// The key under which `state` is stored.
    func key(of state: State) -> Key
    /// Records `key`; false if it was seen before.
    func insert(_ key: Key) -> Bool
    /// Whether `key` has been seen.
    func contains(_ key: Key) -> Bool
    /// Starts bringing in the memory that looking up `key` reads, so that a lookup soon after waits
    /// less for it.
    func prefetch(_ key: Key)
    /// The bytes inserting `key`, if new, allocates at once (a table that grows); 0 if none.
    func bytesOfGrowth(inserting key: Key) -> Int
    /// The bytes inserting every key of `batches` would at most allocate.
    func bytesOfGrowth(inserting batches: [[Key]]) -> Int
    /// Records every key of `batches` in order, batch after batch, on up to `workers` threads, and
    /// says for each whether it was new: the answers are those of inserting them one by one.
    func insert(batches: [[Key]], workers: Int) -> [[Bool]]
}

/// Seen states as 64-bit fingerprints: 64 open-addressing tables with linear probing, chosen by a
/// fingerprint's top six bits, each kept between 57% and 85% full (9.4 to 14 bytes per state). A
/// table grows by half on its own, so the memory a growth holds twice is a 64th of the whole; and
/// tables are independent, so threads insert into distinct tables at once.
@usableFromInline
final class FingerprintTable<State: StableHashable>: SeenStates, @unchecked Sendable {
    /// One of the tables, in memory of its own.
    @usableFromInline
    struct Shard {
        @usableFromInline var slots: UnsafeMutableBufferPointer<UInt64>
        @usableFromInline var count = 0

        /// An empty table of `capacity` slots, zeroed by the system rather than written.
        @inlinable
        init(capacity: Int) {
            guard let memory = table_allocate(capacity * MemoryLayout<UInt64>.stride) else {
                fatalError("out of memory for a seen set of \(capacity) slots")
            }
            slots = UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt64.self, capacity: capacity), count: capacity)
        }

        @inlinable
        func deallocate() { table_deallocate(slots.baseAddress!, slots.count * MemoryLayout<UInt64>.stride) }

        @inlinable
        var needsGrowth: Bool { (count + 1) * 20 > slots.count * 17 }

        @inlinable
        static func grownCapacity(_ capacity: Int) -> Int { capacity + capacity / 2 }

        /// A fingerprint's home slot: the product of its bits below the shard's with the capacity,
        /// shifted down, so that any capacity will do.
        @inlinable
        func home(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key << FingerprintTable.shardBits).multipliedFullWidth(by: UInt64(slots.count)).high)
        }

        @inlinable
        mutating func insert(_ key: UInt64) -> Bool {
            if needsGrowth { grow() }
            var index = home(of: key)
            let capacity = slots.count
            while true {
                let stored = slots[index]
                if stored == key { return false }
                if stored == 0 {
                    slots[index] = key
                    count += 1
                    return true
                }
                index += 1
                if index == capacity { index = 0 }
            }
        }

        @inlinable
        func contains(_ key: UInt64) -> Bool {
            var index = home(of: key)
            let capacity = slots.count
            while slots[index] != 0 {
                if slots[index] == key { return true }
                index += 1
                if index == capacity { index = 0 }
            }
            return false
        }

        @inlinable
        func prefetch(_ key: UInt64) {
            prefetch_for_reading(slots.baseAddress! + home(of: key))
        }

        @usableFromInline
        mutating func grow() {
            let old = self
            self = Shard(capacity: Self.grownCapacity(old.slots.count))
            for key in old.slots where key != 0 { _ = insert(key) }
            old.deallocate()
        }
    }

    @usableFromInline static var shardBits: UInt64 { 6 }
    @usableFromInline static var shardCount: Int { 1 << Int(shardBits) }
    @usableFromInline let shards: UnsafeMutableBufferPointer<Shard>

    @inlinable
    init() {
        shards = .allocate(capacity: Self.shardCount)
        for index in shards.indices { (shards.baseAddress! + index).initialize(to: Shard(capacity: 1 << 7)) }
    }

    deinit {
        for shard in shards { shard.deallocate() }
        shards.deallocate()
    }

    @inlinable
    var count: Int { shards.reduce(0) { $0 + $1.count } }

    @inlinable
    func shard(of key: UInt64) -> Int { Int(truncatingIfNeeded: key >> (64 - Self.shardBits)) }

    @inlinable
    func bytesOfGrowth(inserting key: UInt64) -> Int {
        let shard = shards[shard(of: key)]
        return shard.needsGrowth ? Shard.grownCapacity(shard.slots.count) * MemoryLayout<UInt64>.stride : 0
    }

    @inlinable
    func bytesOfGrowth(inserting batches: [[UInt64]]) -> Int {
        var added = [Int](repeating: 0, count: Self.shardCount)
        for keys in batches { for key in keys { added[shard(of: key)] += 1 } }
        var bytes = 0
        for (index, shard) in shards.enumerated() {
            var capacity = shard.slots.count
            while (shard.count + added[index]) * 20 > capacity * 17 {
                capacity = Shard.grownCapacity(capacity)
                bytes += capacity * MemoryLayout<UInt64>.stride
            }
        }
        return bytes
    }

    @inlinable
    func key(of state: State) -> UInt64 {
        // 0 marks an empty slot, so a fingerprint of 0 is stored as 1.
        max(state.fingerprint.rawValue, 1)
    }

    @inlinable
    func insert(_ key: UInt64) -> Bool { shards[shard(of: key)].insert(key) }

    @inlinable
    func contains(_ key: UInt64) -> Bool { shards[shard(of: key)].contains(key) }

    @inlinable
    func prefetch(_ key: UInt64) { shards[shard(of: key)].prefetch(key) }

    /// Each thread inserts the keys of the shards it owns, in order: a key's answer depends only on
    /// the keys of its own shard before it.
    @inlinable
    func insert(batches: [[UInt64]], workers: Int) -> [[Bool]] {
        let answers = batches.map { UnsafeMutableBufferPointer<Bool>.allocate(capacity: $0.count) }
        defer { for answer in answers { answer.deallocate() } }
        let workers = max(1, min(workers, Self.shardCount))
        runConcurrently(threads: workers) { worker in
            for (batch, keys) in batches.enumerated() {
                for (index, key) in keys.enumerated() {
                    // The slot of a key a few places on is fetched while this one is inserted.
                    if index + 16 < keys.count, shard(of: keys[index + 16]) % workers == worker { prefetch(keys[index + 16]) }
                    let shard = shard(of: key)
                    if shard % workers == worker { answers[batch][index] = shards[shard].insert(key) }
                }
            }
        }
        return answers.map { Array($0) }
    }
}

/// Seen states stored whole: exact, and larger.
@usableFromInline
final class ExactStateTable<State: Hashable>: SeenStates, @unchecked Sendable {
    @usableFromInline var states: Set<State> = []

    @inlinable
    init() {}

    @inlinable
    var count: Int { states.count }

    @inlinable
    func key(of state: State) -> State { state }

    @inlinable
    func insert(_ key: State) -> Bool { states.insert(key).inserted }

    @inlinable
    func contains(_ key: State) -> Bool { states.contains(key) }

    /// A set's buckets are not to be reached from outside.
    @inlinable
    func prefetch(_ key: State) {}

    /// A set grows too, but by amounts the periodic check of resident memory sees coming.
    @inlinable
    func bytesOfGrowth(inserting key: State) -> Int { 0 }

    @inlinable
    func bytesOfGrowth(inserting batches: [[State]]) -> Int { 0 }

    @inlinable
    func insert(batches: [[State]], workers: Int) -> [[Bool]] {
        batches.map { keys in keys.map { states.insert($0).inserted } }
    }
}
