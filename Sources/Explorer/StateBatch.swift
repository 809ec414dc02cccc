/// States kept one after another for a later pass: a level of a breadth-first search, or the new
/// successors one piece of it found.
@usableFromInline
protocol StateBatch {
    associatedtype State
    /// Where one state is kept: a pass reads the states from one on, in order.
    associatedtype Cursor
    init()
    /// The number of states kept.
    var count: Int { get }
    /// Keeps `state` after the others.
    mutating func append(_ state: State)
    /// Where the state at `index` is kept.
    func cursor(at index: Int) -> Cursor
    /// The state kept at `cursor`, which moves on to the next.
    func state(at cursor: inout Cursor) -> State
    /// Makes `state` the one kept at `cursor`, reusing its storage where the state can, and moves
    /// `cursor` on to the next.
    func load(_ cursor: inout Cursor, into state: inout State)
    /// Keeps only the states whose index `isKept` accepts, asked of each index in order, in no more
    /// memory than they need.
    mutating func retain(_ isKept: (Int) -> Bool)
}

extension StateBatch {
    /// The state kept at `index`.
    @inlinable
    func state(at index: Int) -> State {
        var cursor = cursor(at: index)
        return state(at: &cursor)
    }
}

/// States as values: for systems whose states do not pack.
@usableFromInline
struct ValueStateBatch<State>: StateBatch {
    @usableFromInline var states: [State] = []

    @inlinable
    init() {}

    @inlinable
    var count: Int { states.count }

    @inlinable
    mutating func append(_ state: State) { states.append(state) }

    @inlinable
    func cursor(at index: Int) -> Int { index }

    @inlinable
    func state(at cursor: inout Int) -> State {
        defer { cursor += 1 }
        return states[cursor]
    }

    @inlinable
    func load(_ cursor: inout Int, into state: inout State) {
        state = states[cursor]
        cursor += 1
    }

    @inlinable
    mutating func retain(_ isKept: (Int) -> Bool) {
        var index = 0
        defer { if states.capacity > states.count + states.count / 8 { states = Array(ContiguousArray(states)) } }
        states.removeAll { _ in
            defer { index += 1 }
            return !isKept(index)
        }
    }
}

/// States packed back to back in one buffer, each told from the next by its own bytes: a few bytes
/// a state, and no allocation of its own. Where every 1,024th state starts is kept, so that a pass
/// can start anywhere. A large batch's memory comes from the system and goes back to it when the
/// batch is freed, so that a level's states leave nothing resident once expanded.
///
/// A batch is a reference: copies share it, so it is filled before it is shared. Its accesses are
/// not checked for exclusivity at run time (a check on every append): one thread fills a batch,
/// and threads share it only to read it.
@usableFromInline
final class PackedStateBatch<State: PackableState>: StateBatch {
    /// Every 2^10th state's start is kept.
    @usableFromInline static var checkpointShift: Int { 10 }

    @exclusivity(unchecked) @usableFromInline var bytes = PackedBytes()
    @exclusivity(unchecked) @usableFromInline var count = 0
    /// Where every 1,024th state's bytes start.
    @exclusivity(unchecked) @usableFromInline var checkpoints: [Int] = []

    @inlinable
    init() {}

    deinit { bytes.deallocate() }

    @inlinable
    func append(_ state: State) {
        if count & ((1 << Self.checkpointShift) - 1) == 0 { checkpoints.append(bytes.count) }
        bytes.append(upTo: state.packedLengthBound) { state.pack(into: $0) }
        count += 1
    }

    @inlinable
    func cursor(at index: Int) -> Int {
        var offset = checkpoints[index >> Self.checkpointShift]
        for _ in 0..<(index & ((1 << Self.checkpointShift) - 1)) { offset += State.packedLength(of: bytes.suffix(from: offset)) }
        return offset
    }

    @inlinable
    func state(at cursor: inout Int) -> State {
        let rest = bytes.suffix(from: cursor)
        cursor += State.packedLength(of: rest)
        return State(unpacking: rest)
    }

    @inlinable
    func load(_ cursor: inout Int, into state: inout State) {
        cursor += state.unpack(bytes.suffix(from: cursor))
    }

    /// Moves the kept states' bytes down over the others, without unpacking them, and gives back the
    /// room growing left.
    @inlinable
    func retain(_ isKept: (Int) -> Bool) {
        var (read, written, kept) = (0, 0, 0)
        checkpoints.removeAll(keepingCapacity: true)
        for index in 0..<count {
            let length = State.packedLength(of: bytes.suffix(from: read))
            if isKept(index) {
                if kept & ((1 << Self.checkpointShift) - 1) == 0 { checkpoints.append(written) }
                bytes.move(from: read, count: length, to: written)
                written += length
                kept += 1
            }
            read += length
        }
        count = kept
        bytes.truncate(to: written)
    }
}
