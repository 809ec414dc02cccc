public import Explorer

/// One state of an extent model: user buffers, page cache, bios in flight,
/// the stored file, and every actor's progress, as a flat array of slots.
///
/// In symbolic mode the words are canonically renamed: variables are
/// numbered in order of first appearance, so states that differ only by
/// the names of their variables are equal.
public struct ExtentState: Hashable, Sendable, StableHashable {
    var slots: [UInt32]

    init(slots: [UInt32]) {
        self.slots = slots
    }

    subscript(slot: Int) -> UInt32 {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    /// Feeds every slot into `hasher`.
    public func stableHash(into hasher: inout StableHasher) {
        slots.withUnsafeBufferPointer { buffer in
            var index = 0
            // Two 32-bit slots per 64-bit combine halves the mixing work.
            while index + 1 < buffer.count {
                hasher.combine(UInt64(buffer[index]) << 32 | UInt64(buffer[index + 1]))
                index += 2
            }
            if index < buffer.count { hasher.combine(buffer[index]) }
        }
    }
}
