internal import CMemory

/// Bytes one after another in a buffer that grows as they are appended; a large buffer comes from
/// the system, which takes it back whole when the buffer is given back, and grows without copying.
/// Its owner gives it back (`deallocate()`), once.
@usableFromInline
struct PackedBytes {
    @usableFromInline var base: UnsafeMutableRawPointer?
    /// The bytes written.
    @usableFromInline var count = 0
    /// The bytes the buffer holds.
    @usableFromInline var capacity = 0

    @inlinable
    init() {}

    /// Gives the buffer back.
    @usableFromInline
    func deallocate() {
        if let base { Self.resize(base, from: capacity, to: 0) }
    }

    /// Lets `write` write at most `bound` bytes after the others, and keeps the number it says it wrote.
    @inlinable
    mutating func append(upTo bound: Int, _ write: (UnsafeMutableRawPointer) -> Int) {
        if count + bound > capacity { reserve(count + bound) }
        count += write(base! + count)
    }

    /// The bytes from `offset` on.
    @inlinable
    func suffix(from offset: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base.map { $0 + offset }, count: count - offset)
    }

    /// Copies `length` bytes from `source` to `target`, which may overlap them.
    @inlinable
    mutating func move(from source: Int, count length: Int, to target: Int) {
        guard source != target else { return }
        (base! + target).copyMemory(from: base! + source, byteCount: length)
    }

    /// Keeps the first `length` bytes, and gives back the room past them if it is more than an eighth.
    @inlinable
    mutating func truncate(to length: Int) {
        count = length
        guard capacity > length + length / 8 else { return }
        base = Self.resize(base, from: capacity, to: length)
        capacity = length
    }

    /// Makes room for `needed` bytes, growing by half at least.
    @usableFromInline
    mutating func reserve(_ needed: Int) {
        let grown = max(needed, capacity + capacity / 2, 256)
        base = Self.resize(base, from: capacity, to: grown)
        capacity = grown
    }

    /// `buffer` from `old` bytes to `new`; nil for none.
    @usableFromInline
    @discardableResult
    static func resize(_ buffer: UnsafeMutableRawPointer?, from old: Int, to new: Int) -> UnsafeMutableRawPointer? {
        if new == 0 {
            if let buffer { table_deallocate(buffer, old) }
            return nil
        }
        guard let resized = buffer_resize(buffer, old, new) else { fatalError("out of memory for a batch of \(new) bytes") }
        return resized
    }
}
