/// A state that packs into a few bytes: the search keeps the states it has yet to expand packed,
/// one after another, instead of as values with storage of their own.
public protocol PackableState {
    /// The most bytes `pack(into:)` writes for this state.
    var packedLengthBound: Int { get }
    /// Writes the state's bytes at `bytes`, which has room for `packedLengthBound` of them, and
    /// returns how many it wrote.
    func pack(into bytes: UnsafeMutableRawPointer) -> Int
    /// How many bytes the state `pack(into:)` wrote at the start of `bytes` takes: packed states
    /// kept back to back are told apart by their own bytes.
    static func packedLength(of bytes: UnsafeRawBufferPointer) -> Int
    /// The state `pack(into:)` wrote at the start of `bytes`, which may run on past it: a batch
    /// hands over the rest of its buffer, so that a state can read whole words to its last byte.
    init(unpacking bytes: UnsafeRawBufferPointer)
    /// Makes this state the one `pack(into:)` wrote at the start of `bytes`, in this state's storage
    /// where it can: what the search does with every state it expands. Returns how many bytes the
    /// state took, as `packedLength(of:)` does.
    @discardableResult
    mutating func unpack(_ bytes: UnsafeRawBufferPointer) -> Int
}

extension PackableState {
    /// Makes this state `init(unpacking:)`'s, and returns its `packedLength(of:)`.
    @inlinable @discardableResult
    public mutating func unpack(_ bytes: UnsafeRawBufferPointer) -> Int {
        self = Self(unpacking: bytes)
        return Self.packedLength(of: bytes)
    }

    /// Appends the state's bytes to `bytes`.
    @inlinable
    public func pack(into bytes: inout ContiguousArray<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: packedLengthBound))
        let length = bytes.withUnsafeMutableBytes { pack(into: $0.baseAddress! + start) }
        bytes.removeLast(bytes.count - start - length)
    }
}
