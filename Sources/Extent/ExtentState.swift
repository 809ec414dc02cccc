public import Explorer

/// One state of an extent model: user buffers, page cache, bios in flight,
/// the stored file, and every actor's progress, as a flat array of slots.
///
/// In symbolic mode the words are canonically renamed: variables are
/// numbered in order of first appearance, so states that differ only by
/// the names of their variables are equal.
public struct ExtentState: Hashable, Sendable, StableHashable, PackableState {
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

    /// Feeds every slot into `hasher`, sixteen bytes a multiply.
    public func stableHash(into hasher: inout StableHasher) {
        slots.withUnsafeBytes { bytes in
            var offset = 0
            while offset + 16 <= bytes.count {
                hasher.combine(
                    bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                offset += 16
            }
            while offset + 4 <= bytes.count {
                hasher.combine(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                offset += 4
            }
        }
        hasher.combine(slots.count)
    }

    /// Appends the slots: a byte each when every slot is below 255 or empty (255), else four bytes
    /// each; after a byte saying which, and two for the count.
    public func pack(into bytes: inout ContiguousArray<UInt8>) {
        slots.withUnsafeBufferPointer { slots in
            var narrow = true
            for slot in slots where slot >= 255 && slot != StateLayout.none {
                narrow = false
                break
            }
            let length = 3 + slots.count * (narrow ? 1 : 4)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
                defer { bytes.append(contentsOf: out) }
                out[0] = narrow ? 1 : 4
                out[1] = UInt8(truncatingIfNeeded: slots.count)
                out[2] = UInt8(truncatingIfNeeded: slots.count >> 8)
                if narrow {
                    for index in slots.indices { out[3 + index] = UInt8(truncatingIfNeeded: min(slots[index], 255)) }
                } else {
                    UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[3...]))
                        .copyMemory(from: UnsafeRawBufferPointer(slots))
                }
            }
        }
    }

    /// The state `pack(into:)` wrote.
    public init(unpacking bytes: UnsafeRawBufferPointer) {
        let count = Int(bytes[1]) | Int(bytes[2]) << 8
        slots = [UInt32](unsafeUninitializedCapacity: count) { slots, initialized in
            Self.unpack(bytes, into: slots)
            initialized = count
        }
    }

    /// Becomes the state `pack(into:)` wrote, in this state's own buffer when nothing else holds it
    /// and the slots are as many: no allocation per state expanded.
    public mutating func unpack(_ bytes: UnsafeRawBufferPointer) {
        let count = Int(bytes[1]) | Int(bytes[2]) << 8
        guard slots.count == count else {
            self = ExtentState(unpacking: bytes)
            return
        }
        slots.withUnsafeMutableBufferPointer { Self.unpack(bytes, into: $0) }
    }

    private static func unpack(_ bytes: UnsafeRawBufferPointer, into slots: UnsafeMutableBufferPointer<UInt32>) {
        let narrow = bytes[0] == 1
        for index in slots.indices {
            if narrow {
                let byte = bytes[3 + index]
                slots[index] = byte == 255 ? StateLayout.none : UInt32(byte)
            } else {
                slots[index] = bytes.loadUnaligned(fromByteOffset: 3 + 4 * index, as: UInt32.self)
            }
        }
    }
}
