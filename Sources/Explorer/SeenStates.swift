/// The seen set of a search: every state it has reached, by key.
@usableFromInline
protocol SeenStates {
    associatedtype State
    associatedtype Key: Equatable

    /// The number of states seen.
    var count: Int { get }
    /// The key under which `state` is stored.
    func key(of state: State) -> Key
    /// Records `key`; false if it was seen before.
    mutating func insert(_ key: Key) -> Bool
    /// Whether `key` has been seen.
    func contains(_ key: Key) -> Bool
    /// The bytes inserting `key`, if new, allocates at once (a table that grows); 0 if none.
    func bytesOfGrowth(inserting key: Key) -> Int
}

/// Seen states as 64-bit fingerprints: 64 open-addressing tables with linear probing, chosen by a
/// fingerprint's top six bits, each kept between 47% and 70% full (11 to 17 bytes per state). A
/// table grows by half on its own, so the memory a growth holds twice is a 64th of the whole.
@usableFromInline
struct FingerprintTable<State: StableHashable>: SeenStates {
    /// One of the tables.
    @usableFromInline
    struct Shard {
        @usableFromInline var slots: [UInt64]
        @usableFromInline var count = 0

        @inlinable
        init(capacity: Int) { slots = [UInt64](repeating: 0, count: capacity) }

        @inlinable
        var needsGrowth: Bool { (count + 1) * 10 > slots.count * 7 }

        @inlinable
        var grownCapacity: Int { slots.count + slots.count / 2 }

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
            let inserted = slots.withUnsafeMutableBufferPointer { slots in
                while true {
                    let stored = slots[index]
                    if stored == key { return false }
                    if stored == 0 {
                        slots[index] = key
                        return true
                    }
                    index += 1
                    if index == capacity { index = 0 }
                }
            }
            if inserted { count += 1 }
            return inserted
        }

        @inlinable
        func contains(_ key: UInt64) -> Bool {
            var index = home(of: key)
            let capacity = slots.count
            return slots.withUnsafeBufferPointer { slots in
                while slots[index] != 0 {
                    if slots[index] == key { return true }
                    index += 1
                    if index == capacity { index = 0 }
                }
                return false
            }
        }

        @usableFromInline
        mutating func grow() {
            let old = slots
            let capacity = grownCapacity
            slots = []
            slots = [UInt64](repeating: 0, count: capacity)
            count = 0
            for key in old where key != 0 { _ = insert(key) }
        }
    }

    @usableFromInline static var shardBits: UInt64 { 6 }
    @usableFromInline var shards = [Shard](repeating: Shard(capacity: 1 << 7), count: 1 << Int(shardBits))
    @usableFromInline var count = 0

    @inlinable
    init() {}

    @inlinable
    func shard(of key: UInt64) -> Int { Int(truncatingIfNeeded: key >> (64 - Self.shardBits)) }

    @inlinable
    func bytesOfGrowth(inserting key: UInt64) -> Int {
        let shard = shards[shard(of: key)]
        return shard.needsGrowth ? shard.grownCapacity * MemoryLayout<UInt64>.stride : 0
    }

    @inlinable
    func key(of state: State) -> UInt64 {
        // 0 marks an empty slot, so a fingerprint of 0 is stored as 1.
        max(state.fingerprint.rawValue, 1)
    }

    @inlinable
    mutating func insert(_ key: UInt64) -> Bool {
        guard shards[shard(of: key)].insert(key) else { return false }
        count += 1
        return true
    }

    @inlinable
    func contains(_ key: UInt64) -> Bool { shards[shard(of: key)].contains(key) }
}

/// Seen states stored whole: exact, and larger.
@usableFromInline
struct ExactStateTable<State: Hashable>: SeenStates {
    @usableFromInline var states: Set<State> = []

    @inlinable
    init() {}

    @inlinable
    var count: Int { states.count }

    @inlinable
    func key(of state: State) -> State { state }

    @inlinable
    mutating func insert(_ key: State) -> Bool { states.insert(key).inserted }

    @inlinable
    func contains(_ key: State) -> Bool { states.contains(key) }

    /// A set grows too, but by amounts the periodic check of resident memory sees coming.
    @inlinable
    func bytesOfGrowth(inserting key: State) -> Int { 0 }
}
