/// A state that packs into a few bytes: the search keeps the states it has yet to expand packed,
/// one after another, instead of as values with storage of their own.
public protocol PackableState {
    /// Appends the state's bytes to `bytes`.
    func pack(into bytes: inout ContiguousArray<UInt8>)
    /// The state `pack(into:)` wrote as `bytes`.
    init(unpacking bytes: UnsafeRawBufferPointer)
    /// Makes this state the one `pack(into:)` wrote as `bytes`, in this state's storage where it can:
    /// what the search does with every state it expands.
    mutating func unpack(_ bytes: UnsafeRawBufferPointer)
}

extension PackableState {
    /// Makes this state `init(unpacking:)`'s.
    @inlinable
    public mutating func unpack(_ bytes: UnsafeRawBufferPointer) { self = Self(unpacking: bytes) }
}
