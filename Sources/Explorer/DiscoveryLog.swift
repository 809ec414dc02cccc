/// How every state of a search was first reached, by the number the search gave it: the number of
/// the state it was reached from and which of that state's successors it was. Enough to rebuild the
/// path to any state by replaying the system.
///
/// Four bytes a state: where its parent is (24 bits, as `Reference` says) and the choice (8 bits);
/// a parent or a choice that does not fit is kept aside, in order. Kept in chunks, so that the log
/// never copies itself to grow.
@usableFromInline
struct DiscoveryLog {
    /// How an entry says which state its parent is.
    @usableFromInline
    enum Reference: Sendable {
        /// By how many states before the entry's own its parent was numbered: a parent is numbered
        /// before its successors, and in a depth-first search mostly just before.
        case ownNumber
        /// By how many states after the previous entry's parent its parent was numbered, with every
        /// 64th entry's parent kept whole: a breadth-first search numbers states in the order of
        /// their parents, so the distance is the number of parents in between that found nothing new.
        case previousParent
    }

    /// Entries per chunk: 2^20, 4 MiB.
    @usableFromInline static var chunkShift: Int { 20 }
    /// The distance and the choice that mark an entry kept aside.
    @usableFromInline static var farDistance: UInt32 { 0xFF_FFFF }
    @usableFromInline static var largeChoice: UInt32 { 0xFF }

    /// Per chunk, each state's entry: where its parent is (as `reference` says) above the low byte,
    /// its choice in it. An initial state is its own parent, and its choice is its place among the
    /// initial states.
    @usableFromInline var entries: [[UInt32]] = []
    /// The parents too far to fit an entry, and the choices too large to, by state number in
    /// increasing order.
    @usableFromInline var farParents = LargeEntries()
    @usableFromInline var largeChoices = LargeEntries()
    @usableFromInline var count = 0
    @usableFromInline let reference: Reference
    /// Where entries follow the previous parent: the parent of every 64th entry, and of the last.
    @usableFromInline var checkpoints: [UInt32] = []
    @usableFromInline var lastParent: UInt32 = 0

    /// An empty log whose entries say where their parents are as `reference` says.
    @inlinable
    init(reference: Reference = .ownNumber) { self.reference = reference }

    /// Records a state reached as successor number `choice` of the state numbered `parent`, and
    /// returns its number; for an initial state, `parent` is nil and `choice` its place.
    @inlinable
    mutating func append(parent: UInt32?, choice: Int) -> UInt32 {
        precondition(count < Int(UInt32.max), "more states than a search numbers")
        let number = UInt32(count)
        if count & ((1 << Self.chunkShift) - 1) == 0 {
            entries.append([])
            entries[entries.count - 1].reserveCapacity(1 << Self.chunkShift)
        }
        let parent = parent ?? number
        var distance: UInt32
        switch reference {
        case .ownNumber:
            distance = number - parent
        case .previousParent:
            if count & 63 == 0 { checkpoints.append(parent) }
            distance = parent >= lastParent ? parent - lastParent : Self.farDistance
            lastParent = parent
        }
        if distance >= Self.farDistance {
            farParents.append(number, parent)
            distance = Self.farDistance
        }
        var code = UInt32(truncatingIfNeeded: choice)
        if choice >= Int(Self.largeChoice) {
            largeChoices.append(number, UInt32(choice))
            code = Self.largeChoice
        }
        entries[entries.count - 1].append(distance << 8 | code)
        count += 1
        return number
    }

    /// The parent of the state numbered `number` (itself for an initial state), and which successor it was.
    @inlinable
    func entry(_ number: UInt32) -> (parent: UInt32, choice: Int) {
        let entry = self[number]
        let choice = entry & 0xFF == Self.largeChoice ? largeChoices[number] : entry & 0xFF
        switch reference {
        case .ownNumber:
            let distance = entry >> 8
            return (distance == Self.farDistance ? farParents[number] : number - distance, Int(choice))
        case .previousParent:
            // From the last parent kept whole, each entry on says how far its parent is from the one before.
            let first = number & ~63
            var parent = checkpoints[Int(number >> 6)]
            for later in (first + 1)..<(number + 1) {
                let distance = self[later] >> 8
                parent = distance == Self.farDistance ? farParents[later] : parent + distance
            }
            return (parent, Int(choice))
        }
    }

    /// The entry of the state numbered `number`.
    @inlinable
    subscript(number: UInt32) -> UInt32 {
        entries[Int(number) >> Self.chunkShift][Int(number) & ((1 << Self.chunkShift) - 1)]
    }
}

/// Values kept aside by state number, appended in increasing order of number and found by binary
/// search: eight bytes each.
@usableFromInline
struct LargeEntries {
    @usableFromInline var numbers: [UInt32] = []
    @usableFromInline var values: [UInt32] = []

    @inlinable
    init() {}

    @inlinable
    mutating func append(_ number: UInt32, _ value: UInt32) {
        numbers.append(number)
        values.append(value)
    }

    /// The value kept for `number`, which must have one.
    @inlinable
    subscript(number: UInt32) -> UInt32 {
        var (low, high) = (0, numbers.count)
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle] < number { low = middle + 1 } else { high = middle }
        }
        precondition(low < numbers.count && numbers[low] == number, "no entry kept aside for state \(number)")
        return values[low]
    }
}
