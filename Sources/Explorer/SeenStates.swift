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
    /// The bytes the next insertion of a new key allocates at once (a table that doubles); 0 if none.
    var bytesOfNextGrowth: Int { get }
}

/// Seen states as 64-bit fingerprints in an open-addressing table, kept between 35% and 70% full:
/// 11 to 23 bytes per state.
@usableFromInline
struct FingerprintTable<State: StableHashable>: SeenStates {
    @usableFromInline var slots: [UInt64]
    @usableFromInline var count = 0

    @inlinable
    init() {
        slots = [UInt64](repeating: 0, count: 1 << 13)
    }

    @inlinable
    var capacity: Int { slots.count }

    @inlinable
    var bytesOfNextGrowth: Int { (count + 1) * 10 > capacity * 7 ? slots.count * 2 * MemoryLayout<UInt64>.stride : 0 }

    @inlinable
    func key(of state: State) -> UInt64 {
        // 0 marks an empty slot, so a fingerprint of 0 is stored as 1.
        max(state.fingerprint.rawValue, 1)
    }

    @inlinable
    mutating func insert(_ key: UInt64) -> Bool {
        if (count + 1) * 10 > capacity * 7 { grow() }
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let stored = slots[index]
                if stored == key { return false }
                if stored == 0 {
                    slots[index] = key
                    count += 1
                    return true
                }
                index = (index + 1) & mask
            }
        }
    }

    @inlinable
    func contains(_ key: UInt64) -> Bool {
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while slots[index] != 0 {
                if slots[index] == key { return true }
                index = (index + 1) & mask
            }
            return false
        }
    }

    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = []
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 {
            _ = insert(key)
        }
    }
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
    var bytesOfNextGrowth: Int { 0 }
}
