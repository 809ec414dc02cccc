@_spi(Search) public import Explorer

/// One state of an extent model: user buffers, page cache, bios in flight,
/// the stored file, and every actor's progress, as a flat array of slots.
///
/// In symbolic mode the words are canonically renamed: variables are
/// numbered in order of first appearance, so states that differ only by
/// the names of their variables are equal.
@_spi(Search) public struct ExtentState: Hashable, Sendable, StableHashable {
    var slots: [UInt32]

    init(slots: [UInt32]) {
        self.slots = slots
    }

    /// Makes this state `other`, reusing this state's buffer when nothing else holds it.
    @inline(__always)
    mutating func overwrite(with other: ExtentState) {
        guard slots.count == other.slots.count else {
            self = other
            return
        }
        slots.withUnsafeMutableBufferPointer { target in
            other.slots.withUnsafeBufferPointer { source in
                _ = target.update(fromContentsOf: source)
            }
        }
    }

    subscript(slot: Int) -> UInt32 {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    /// Feeds every slot into `hasher`, sixteen bytes a multiply, four multiplies at once.
    @_spi(Search) public func stableHash(into hasher: inout StableHasher) {
        slots.withUnsafeBytes { bytes in
            hasher.combine(bytes.count)
            hasher.combine(interleaving: bytes)
        }
    }
}
