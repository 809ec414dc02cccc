/// States kept one after another for a later pass: a level of a breadth-first search, or the new
/// successors one piece of it found.
@usableFromInline
protocol StateBatch {
    associatedtype State
    init()
    /// The number of states kept.
    var count: Int { get }
    /// Keeps `state` after the others.
    mutating func append(_ state: State)
    /// The state kept at `index`.
    func state(at index: Int) -> State
    /// Makes `state` the one kept at `index`, reusing its storage where the state can.
    func load(_ index: Int, into state: inout State)
    /// Keeps only the states whose index `isKept` accepts, asked of each index in order, in no more
    /// memory than they need.
    mutating func retain(_ isKept: (Int) -> Bool)
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
    func state(at index: Int) -> State { states[index] }

    @inlinable
    func load(_ index: Int, into state: inout State) { state = states[index] }

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

/// States packed back to back in one buffer, with where each ends: a few bytes a state, and no
/// allocation of its own.
@usableFromInline
struct PackedStateBatch<State: PackableState>: StateBatch {
    @usableFromInline var bytes = ContiguousArray<UInt8>()
    /// Where each state's bytes end.
    @usableFromInline var ends: [UInt32] = []

    @inlinable
    init() {}

    @inlinable
    var count: Int { ends.count }

    @inlinable
    mutating func append(_ state: State) {
        state.pack(into: &bytes)
        precondition(bytes.count <= Int(UInt32.max), "a batch of states longer than 4 GiB")
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    @inlinable
    func state(at index: Int) -> State {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return bytes.withUnsafeBytes { State(unpacking: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    @inlinable
    func load(_ index: Int, into state: inout State) {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        bytes.withUnsafeBytes { state.unpack(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Moves the kept states' bytes down over the others, without unpacking them, and gives back the
    /// room growing by doubling left.
    @inlinable
    mutating func retain(_ isKept: (Int) -> Bool) {
        var written = 0
        var kept = 0
        bytes.withUnsafeMutableBytes { bytes in
            var start = 0
            for index in ends.indices {
                let end = Int(ends[index])
                if isKept(index) {
                    if written != start {
                        bytes.baseAddress!.advanced(by: written).copyMemory(from: bytes.baseAddress! + start, byteCount: end - start)
                    }
                    written += end - start
                    ends[kept] = UInt32(truncatingIfNeeded: written)
                    kept += 1
                }
                start = end
            }
        }
        bytes.removeLast(bytes.count - written)
        ends.removeLast(ends.count - kept)
        if bytes.capacity > bytes.count + bytes.count / 8 { bytes = Self.copy(bytes) }
        if ends.capacity > ends.count + ends.count / 8 { ends = Array(Self.copy(ContiguousArray(ends))) }
    }

    /// `elements` in storage of their own, no larger than they need.
    @inlinable
    static func copy<Element>(_ elements: ContiguousArray<Element>) -> ContiguousArray<Element> {
        ContiguousArray(unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: elements)
        }
    }
}
