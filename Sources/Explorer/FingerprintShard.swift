public import CMemory

/// One table of a `FingerprintTable`: the low seven bytes of its fingerprints, in slots of seven
/// bytes, in increasing order (ordered linear probing, without wrapping around).
///
/// A value's home slot grows with the value, and each value is at its home or after it, after
/// every smaller value and before every larger one; a run may spill past the last home into a few
/// slots more. So a lookup stops at the first slot holding the value, a larger one or none: a
/// miss reads no more than a hit. Inserting moves the larger values of the run up a slot, and
/// growing walks the values in order and puts each at its new home or just after the one before.
@usableFromInline
struct FingerprintShard {
    /// The bytes of a slot.
    @usableFromInline static var slotBytes: Int { 7 }
    /// The bits of a fingerprint a slot keeps.
    @usableFromInline static var keptBits: UInt64 { (1 << 56) - 1 }

    /// The slots, and one byte more, so that the last is read as a whole word; nil while empty.
    @usableFromInline var slots: UnsafeMutableRawPointer?
    /// The number of home slots.
    @usableFromInline var capacity: Int
    /// The number of slots, spill included.
    @usableFromInline var slotCount: Int
    /// The count at which the table grows before it takes another value.
    @usableFromInline var growthCount: Int
    @usableFromInline var count = 0

    /// An empty table of `capacity` home slots, zeroed by the system rather than written, and from
    /// the system rather than the heap if it takes `mapped` bytes or more.
    @inlinable
    init(capacity: Int = 0, mappedFrom mapped: Int = .max) {
        self.capacity = capacity
        slotCount = Self.slotCount(capacity: capacity)
        growthCount = Self.growthCount(capacity: capacity)
        guard capacity > 0 else { return }
        let bytes = Self.bytes(capacity: capacity)
        guard let memory = table_allocate_mapped_from(bytes, mapped) else { fatalError("out of memory for a seen set of \(bytes) bytes") }
        slots = memory
    }

    /// Gives the table's memory back, as `init(capacity:mappedFrom:)` took it with `mapped`.
    @inlinable
    func deallocate(mappedFrom mapped: Int = .max) {
        if let slots { table_deallocate_mapped_from(slots, Self.bytes(capacity: capacity), mapped) }
    }

    /// Slots past the last home that a run may spill into.
    @inlinable
    static func spill(capacity: Int) -> Int { 16 + capacity / 256 }

    /// The slots of a table of `capacity` home slots, spill included; none for no home.
    @inlinable
    static func slotCount(capacity: Int) -> Int { capacity == 0 ? 0 : capacity + spill(capacity: capacity) }

    /// The bytes a table of `capacity` home slots takes.
    @inlinable
    static func bytes(capacity: Int) -> Int { slotCount(capacity: capacity) * slotBytes + 1 }

    /// The count at which a table of `capacity` home slots grows before it takes another value: 90 %.
    @inlinable
    static func growthCount(capacity: Int) -> Int { capacity * 9 / 10 }

    @inlinable
    var needsGrowth: Bool { count >= growthCount }

    @inlinable
    static func grownCapacity(_ capacity: Int) -> Int { max(32, capacity + capacity / 4) }

    /// A value's home slot: the value's product with the capacity, shifted down, so that homes grow
    /// with values and any capacity will do.
    @inlinable
    func home(of value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value << 8).multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The value in slot `index`; 0 for none.
    @inlinable @inline(__always)
    func value(at index: Int) -> UInt64 {
        UInt64(littleEndian: slots.unsafelyUnwrapped.loadUnaligned(fromByteOffset: index &* Self.slotBytes, as: UInt64.self))
            & Self.keptBits
    }

    /// Puts `value` in slot `index`, leaving the next slot's bytes as they are.
    @inlinable @inline(__always)
    func setValue(_ value: UInt64, at index: Int) {
        let offset = index &* Self.slotBytes
        let word = UInt64(littleEndian: slots.unsafelyUnwrapped.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        slots.unsafelyUnwrapped.storeBytes(of: ((word & ~Self.keptBits) | value).littleEndian, toByteOffset: offset, as: UInt64.self)
    }

    /// Records `value`, a fingerprint's kept bits other than 0; false if it was there. A table
    /// that grows maps its memory from `mapped` bytes.
    @inlinable
    mutating func insert(_ value: UInt64, mappedFrom mapped: Int = .max) -> Bool {
        if needsGrowth { grow(mappedFrom: mapped) }
        while true {
            let end = slotCount
            // The first slot from the value's home on that holds it, a larger value or none.
            var index = home(of: value)
            var stored: UInt64 = 0
            while index < end {
                stored = self.value(at: index)
                if stored == 0 || stored >= value { break }
                index &+= 1
            }
            if index < end {
                if stored == value { return false }
                if stored == 0 {
                    setValue(value, at: index)
                    count += 1
                    return true
                }
                if let free = firstFree(from: index &+ 1) {
                    let slots = slots.unsafelyUnwrapped
                    (slots + (index + 1) * Self.slotBytes).copyMemory(
                        from: slots + index * Self.slotBytes, byteCount: (free - index) * Self.slotBytes)
                    setValue(value, at: index)
                    count += 1
                    return true
                }
            }
            // The run reaches the last slot: a larger table spreads it.
            grow(mappedFrom: mapped)
        }
    }

    /// The first slot from `index` on that holds no value, if one does.
    @inlinable
    func firstFree(from index: Int) -> Int? {
        let end = slotCount
        var index = index
        while index < end {
            if value(at: index) == 0 { return index }
            index &+= 1
        }
        return nil
    }

    @inlinable
    func contains(_ value: UInt64) -> Bool {
        var index = home(of: value)
        let end = slotCount
        while index < end {
            let stored = self.value(at: index)
            if stored == 0 || stored >= value { return stored == value }
            index &+= 1
        }
        return false
    }

    @inlinable
    func prefetch(_ value: UInt64) {
        if let slots { prefetch_for_reading(slots + home(of: value) * Self.slotBytes) }
    }

    /// Moves the values to a table a quarter larger (or larger still, should a run not fit), from
    /// the system if it takes `mapped` bytes or more.
    @usableFromInline
    mutating func grow(mappedFrom mapped: Int) {
        var capacity = Self.grownCapacity(capacity)
        while true {
            var grown = FingerprintShard(capacity: capacity, mappedFrom: mapped)
            if grown.take(self) {
                deallocate(mappedFrom: mapped)
                self = grown
                return
            }
            grown.deallocate(mappedFrom: mapped)
            capacity = Self.grownCapacity(capacity)
        }
    }

    /// Puts the values of `other`, in order, each at its home or just after the one before: false
    /// if they do not fit.
    @usableFromInline
    mutating func take(_ other: FingerprintShard) -> Bool {
        var next = 0
        for index in 0..<other.slotCount {
            let value = other.value(at: index)
            guard value != 0 else { continue }
            let place = max(home(of: value), next)
            guard place < slotCount else { return false }
            setValue(value, at: place)
            next = place + 1
        }
        count = other.count
        return true
    }
}
