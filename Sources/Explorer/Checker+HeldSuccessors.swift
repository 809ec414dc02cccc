extension Checker {
    /// The successors of one state that a level search holds until it looks them up together, their
    /// keys' memory fetched as they are built, so that the cache misses of the lookups overlap.
    ///
    /// The storage past `count` is kept: holding the next state's successors exchanges them for it,
    /// and the system builds the successors after them there.
    @usableFromInline
    struct HeldSuccessors<Key>: ~Copyable {
        /// Each successor's key, in the order the system gave them: as many as the state has successors.
        @usableFromInline var keys = ReusableSlots<Key>()
        /// The successors, where the search keeps them: beside `keys`.
        @usableFromInline var states = ReusableSlots<System.State>()
        /// The step that reached each successor, beside `states`.
        @usableFromInline var actions = ReusableSlots<System.Action>()
        /// The coverage key of each successor's step, when the search counts coverage.
        @usableFromInline var coverage = ReusableSlots<System.CoverageKey?>()
        /// How many successors are held.
        @usableFromInline var count = 0

        @inlinable
        init() {}

        /// Lets go of the successors held, keeping their storage.
        @inlinable
        mutating func removeAll() { count = 0 }

        /// The key of the successor at `index`, below `count`.
        @inlinable @inline(__always)
        func key(at index: Int) -> Key { keys.base[index] }

        /// The coverage key of the step to the successor at `index`, below `count`, when the search
        /// counts coverage.
        @inlinable @inline(__always)
        func coverageKey(at index: Int) -> System.CoverageKey? { coverage.base[index] }

        /// Holds `key` as the next successor's.
        @inlinable @inline(__always)
        mutating func hold(key: Key) {
            keys.put(key, at: count)
            count += 1
        }

        /// Holds `state`, reached by `action`, as the successor whose key was held last: takes it
        /// in exchange for the state held there before, if one was, left in `state`.
        @inlinable @inline(__always)
        mutating func hold(_ action: System.Action, _ state: inout System.State) {
            states.exchange(&state, at: count - 1)
            actions.put(action, at: count - 1)
        }

        /// Holds `key` as the coverage key of the step to the successor whose key was held last.
        @inlinable @inline(__always)
        mutating func hold(coverageKey key: System.CoverageKey?) { coverage.put(key, at: count - 1) }
    }
}
