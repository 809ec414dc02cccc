/// How every state of a search was first reached, by the number the search gave it: the number of
/// the state it was reached from and which of that state's successors it was. Enough to rebuild the
/// path to any state by replaying the system.
///
/// Four bytes a state: how many states before it its parent was numbered (24 bits) and the choice
/// (8 bits). A parent is numbered before its successors, and in a breadth-first search a level
/// after them at most, so the distance fits while two levels together hold fewer than 16,777,215
/// states; a distance or a choice that does not fit is kept aside, in order. Kept in chunks, so
/// that the log never copies itself to grow.
@usableFromInline
struct DiscoveryLog {
    /// Entries per chunk: 2^20, 4 MiB.
    @usableFromInline static var chunkShift: Int { 20 }
    /// The distance and the choice that mark an entry kept aside.
    @usableFromInline static var farDistance: UInt32 { 0xFF_FFFF }
    @usableFromInline static var largeChoice: UInt32 { 0xFF }

    /// Per chunk, each state's entry: its distance from its parent above the low byte, its choice in
    /// it. An initial state is its own parent (distance 0), and its choice is its place among the
    /// initial states.
    @usableFromInline var entries: [[UInt32]] = []
    /// The parents too far to fit an entry, and the choices too large to, by state number in
    /// increasing order.
    @usableFromInline var farParents = LargeEntries()
    @usableFromInline var largeChoices = LargeEntries()
    @usableFromInline var count = 0

    @inlinable
    init() {}

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
        var distance = number - (parent ?? number)
        if distance >= Self.farDistance {
            farParents.append(number, parent!)
            distance = Self.farDistance
        }
        var code = UInt32(truncatingIfNeeded: choice)
        if choice < 0 || choice >= Int(Self.largeChoice) {
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
        let entry = entries[Int(number) >> Self.chunkShift][Int(number) & ((1 << Self.chunkShift) - 1)]
        let distance = entry >> 8
        let parent = distance == Self.farDistance ? farParents[number] : number - distance
        let choice = entry & 0xFF == Self.largeChoice ? largeChoices[number] : entry & 0xFF
        return (parent, Int(choice))
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
