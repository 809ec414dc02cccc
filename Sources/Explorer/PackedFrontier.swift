/// The states a depth-first search has yet to expand, packed one after another in chunks of 1 MiB,
/// each with its number and depth: a stack.
///
/// An entry is the number (4 bytes), the depth (4 bytes), the state's length (2 bytes), the state's
/// bytes and its length again, so that it can be taken from the end. Entries do not straddle
/// chunks, and a chunk is freed once emptied.
@usableFromInline
struct PackedFrontier<State: PackableState> {
    @usableFromInline static var chunkSize: Int { 1 << 20 }

    @usableFromInline var chunks: [ContiguousArray<UInt8>] = []
    @usableFromInline var scratch = ContiguousArray<UInt8>()

    @inlinable
    init() {}

    @inlinable
    var isEmpty: Bool { chunks.isEmpty }

    @inlinable
    mutating func append(_ state: State, number: UInt32, depth: Int) {
        scratch.removeAll(keepingCapacity: true)
        state.pack(into: &scratch)
        precondition(scratch.count <= Int(UInt16.max), "a packed state is longer than 65,535 bytes")
        let length = UInt16(scratch.count)
        let size = 12 + scratch.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + size > Self.chunkSize {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(max(Self.chunkSize, size))
        }
        let last = chunks.count - 1
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 1) { entry in
            entry.storeBytes(of: number.littleEndian, toByteOffset: 0, as: UInt32.self)
            entry.storeBytes(of: UInt32(depth).littleEndian, toByteOffset: 4, as: UInt32.self)
            entry.storeBytes(of: length.littleEndian, toByteOffset: 8, as: UInt16.self)
            scratch.withUnsafeBytes { packed in
                UnsafeMutableRawBufferPointer(rebasing: entry[10..<(10 + packed.count)]).copyMemory(from: packed)
            }
            entry.storeBytes(of: length.littleEndian, toByteOffset: size - 2, as: UInt16.self)
            chunks[last].append(contentsOf: entry.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Takes the entry appended last.
    @inlinable
    mutating func popLast() -> (state: State, number: UInt32, depth: Int)? {
        guard !chunks.isEmpty else { return nil }
        let last = chunks.count - 1
        let end = chunks[last].count
        let entry: (State, UInt32, Int, Int) = chunks[last].withUnsafeBytes { bytes in
            let length = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: end - 2, as: UInt16.self)))
            let start = end - 12 - length
            let number = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self))
            let depth = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)))
            let state = State(unpacking: UnsafeRawBufferPointer(rebasing: bytes[(start + 10)..<(start + 10 + length)]))
            return (state, number, depth, start)
        }
        chunks[last].removeLast(end - entry.3)
        if chunks[last].isEmpty { chunks.removeLast() }
        return (entry.0, entry.1, entry.2)
    }
}
