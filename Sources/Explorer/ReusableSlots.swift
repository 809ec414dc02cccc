/// Storage for a run of values that is filled again and again from its start, as a search holds
/// the successors of one state after another: the slots past those in use stay initialized, so
/// that filling one again assigns or exchanges rather than initializes, and no write asks whether
/// the storage is shared, as an array's does on every write.
@usableFromInline
struct ReusableSlots<Element>: ~Copyable {
    /// The first slot.
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    /// The number of slots initialized, from the first: those in use and those used before.
    @usableFromInline var initialized = 0

    @inlinable
    init() {
        capacity = 8
        base = .allocate(capacity: capacity)
    }

    @inlinable
    deinit {
        base.deinitialize(count: initialized)
        base.deallocate()
    }

    /// Puts `value` in slot `index`, one of those initialized or the first past them.
    @inlinable @inline(__always)
    mutating func put(_ value: Element, at index: Int) {
        if index < initialized {
            base[index] = value
        } else {
            claim(index)
            (base + index).initialize(to: value)
        }
    }

    /// Exchanges `value` with the one in slot `index`, one of those initialized; or, for the first
    /// past them, puts a copy of `value` there.
    @inlinable @inline(__always)
    mutating func exchange(_ value: inout Element, at index: Int) {
        if index < initialized {
            swap(&value, &base[index])
        } else {
            claim(index)
            (base + index).initialize(to: value)
        }
    }

    /// Makes room for slot `index`, the first past those initialized, and counts it initialized
    /// (the caller initializes it). The slots may move.
    @inlinable
    mutating func claim(_ index: Int) {
        assert(index == initialized, "slots are filled in order")
        if index == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: 2 * capacity)
            grown.moveInitialize(from: base, count: initialized)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        initialized += 1
    }
}
