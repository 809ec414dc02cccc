extension Checker {
    /// The successors of one state that a level search holds until it looks them up together, their
    /// keys' memory fetched as they are built, so that the cache misses of the lookups overlap.
    ///
    /// The storage of the states past `count` is kept: holding the next state's successors exchanges
    /// them for it, and the system builds the successors after them there.
    @usableFromInline
    struct HeldSuccessors<Key> {
        /// Each successor's key, in the order the system gave them: as many as the state has successors.
        @usableFromInline var keys: [Key] = []
        /// The successors, where the search keeps them: beside `keys`.
        @usableFromInline var states: [System.State] = []
        /// The step that reached each successor, beside `states`.
        @usableFromInline var actions: [System.Action] = []
        /// The coverage key of each successor's step, when the search counts coverage.
        @usableFromInline var coverage: [System.CoverageKey?] = []

        @inlinable
        init() {}

        /// How many successors are held.
        @inlinable
        var count: Int { keys.count }

        /// Lets go of the successors held, keeping their storage.
        @inlinable
        mutating func removeAll() { keys.removeAll(keepingCapacity: true) }

        /// Holds `state`, reached by `action`, as the successor whose key was appended last: takes it
        /// in exchange for the state held there before, if one was, left in `state`.
        @inlinable @inline(__always)
        mutating func hold(_ action: System.Action, _ state: inout System.State) {
            let index = keys.count - 1
            if index < states.count {
                swap(&state, &states[index])
                actions[index] = action
            } else {
                states.append(state)
                actions.append(action)
            }
        }

        /// Holds `key` as the coverage key of the step to the successor whose key was appended last.
        @inlinable @inline(__always)
        mutating func hold(coverageKey key: System.CoverageKey?) {
            let index = keys.count - 1
            if index < coverage.count { coverage[index] = key } else { coverage.append(key) }
        }
    }
}
