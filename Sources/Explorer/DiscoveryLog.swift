/// How every state of a search was first reached, by the number the search gave it: the number of
/// the state it was reached from and which of that state's successors it was. Five bytes a state
/// (a choice above 254 is kept aside), in chunks, so that it never copies itself to grow; enough to
/// rebuild the path to any state by replaying the system.
@usableFromInline
struct DiscoveryLog {
    /// Entries per chunk: 2^20, 8 MiB.
    @usableFromInline static var chunkShift: Int { 20 }

    /// Per chunk, the parent of each state, and which successor of its parent it was; an initial
    /// state is its own parent, and its choice is its place among the initial states.
    @usableFromInline var parents: [[UInt32]] = []
    @usableFromInline var choices: [[UInt8]] = []
    /// The choices that do not fit a byte (marked 255 in `choices`), by state number.
    @usableFromInline var largeChoices: [UInt32: Int] = [:]
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
            parents.append([])
            parents[parents.count - 1].reserveCapacity(1 << Self.chunkShift)
            choices.append([])
            choices[choices.count - 1].reserveCapacity(1 << Self.chunkShift)
        }
        parents[parents.count - 1].append(parent ?? number)
        if choice < 255 {
            choices[choices.count - 1].append(UInt8(choice))
        } else {
            choices[choices.count - 1].append(255)
            largeChoices[number] = choice
        }
        count += 1
        return number
    }

    /// The parent of the state numbered `number` (itself for an initial state), and which successor it was.
    @inlinable
    func entry(_ number: UInt32) -> (parent: UInt32, choice: Int) {
        let chunk = Int(number) >> Self.chunkShift
        let index = Int(number) & ((1 << Self.chunkShift) - 1)
        let choice = choices[chunk][index]
        return (parents[chunk][index], choice == 255 ? largeChoices[number]! : Int(choice))
    }
}
