/// The seen set of a search: every state it has reached, by key, with the
/// key of the state it was first reached from.
@usableFromInline
protocol SeenStates {
    associatedtype State
    associatedtype Key: Equatable

    /// The number of states seen.
    var count: Int { get }
    /// The key under which `state` is stored.
    func key(of state: State) -> Key
    /// Records `key` as reached from `parent`; false if it was seen before.
    mutating func insert(_ key: Key, parent: Key) -> Bool
    /// The key of the state `key` was first reached from; an initial state is its own parent.
    func parent(of key: Key) -> Key?
    /// The bytes the next insertion of a new key allocates at once (a table that doubles); 0 if none.
    var bytesOfNextGrowth: Int { get }
}

/// Seen states as 64-bit fingerprints in an open-addressing table, kept between 35% and 70% full:
/// 23 to 46 bytes per state.
@usableFromInline
struct FingerprintTable<State: StableHashable>: SeenStates {
    /// Pairs of (fingerprint, parent's fingerprint), side by side so that a probe touches one cache line.
    @usableFromInline var slots: [UInt64]
    @usableFromInline var count = 0

    @inlinable
    init() {
        slots = [UInt64](repeating: 0, count: 2 << 12)
    }

    @inlinable
    var capacity: Int { slots.count / 2 }

    @inlinable
    var bytesOfNextGrowth: Int { (count + 1) * 10 > capacity * 7 ? slots.count * 2 * MemoryLayout<UInt64>.stride : 0 }

    @inlinable
    func key(of state: State) -> UInt64 {
        // 0 marks an empty slot, so a fingerprint of 0 is stored as 1.
        max(state.fingerprint.rawValue, 1)
    }

    @inlinable
    mutating func insert(_ key: UInt64, parent: UInt64) -> Bool {
        if (count + 1) * 10 > capacity * 7 { grow() }
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[2 * index]
            if stored == key { return false }
            if stored == 0 {
                slots[2 * index] = key
                slots[2 * index + 1] = parent
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    @inlinable
    func parent(of key: UInt64) -> UInt64? {
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while slots[2 * index] != 0 {
            if slots[2 * index] == key { return slots[2 * index + 1] }
            index = (index + 1) & mask
        }
        return nil
    }

    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for pair in stride(from: 0, to: old.count, by: 2) where old[pair] != 0 {
            _ = insert(old[pair], parent: old[pair + 1])
        }
    }
}

/// Seen states stored whole: exact, and larger.
@usableFromInline
struct ExactStateTable<State: Hashable>: SeenStates {
    @usableFromInline var parents: [State: State] = [:]

    @inlinable
    init() {}

    @inlinable
    var count: Int { parents.count }

    @inlinable
    func key(of state: State) -> State { state }

    @inlinable
    mutating func insert(_ key: State, parent: State) -> Bool {
        guard parents[key] == nil else { return false }
        parents[key] = parent
        return true
    }

    @inlinable
    func parent(of key: State) -> State? { parents[key] }

    /// A dictionary grows too, but by amounts the periodic check of resident memory sees coming.
    @inlinable
    var bytesOfNextGrowth: Int { 0 }
}
