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

    /// Feeds every slot into `hasher`: a byte a slot when every slot is below 255 or empty, as in
    /// most states, so that a multiply takes sixteen slots; else four bytes a slot.
    public func stableHash(into hasher: inout StableHasher) {
        slots.withUnsafeBufferPointer { slots in
            var narrow = hasher
            if Self.combineNarrow(slots, into: &narrow) {
                hasher = narrow
                hasher.combine(slots.count)
                return
            }
            let bytes = UnsafeRawBufferPointer(slots)
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
            hasher.combine(slots.count | 1 << 32)
        }
    }

    /// Feeds the slots into `hasher` as a byte each (`none` as 255), sixteen a multiply; false, with
    /// `hasher` part fed, if a slot does not fit a byte.
    @inline(__always)
    private static func combineNarrow(_ slots: UnsafeBufferPointer<UInt32>, into hasher: inout StableHasher) -> Bool {
        // A slot fits a byte when it is below 255 or `none`, the one value that wraps to 0.
        var wide: UInt32 = 0
        for slot in slots { wide |= (slot &+ 1) & ~0xFF }
        guard wide == 0 else { return false }
        var index = 0
        while index < slots.count {
            hasher.combine(eightBytes(slots, from: index), eightBytes(slots, from: index + 8))
            index += 16
        }
        return true
    }

    /// The low bytes of the eight slots from `start` on, as one word; 255 for slots past the end.
    @inline(__always)
    private static func eightBytes(_ slots: UnsafeBufferPointer<UInt32>, from start: Int) -> UInt64 {
        var word: UInt64 = 0
        if start + 8 <= slots.count {
            for lane in 0..<8 { word |= UInt64(slots[start + lane] & 0xFF) &<< UInt64(8 &* lane) }
        } else {
            for lane in 0..<8 {
                let byte = start + lane < slots.count ? UInt64(slots[start + lane] & 0xFF) : 0xFF
                word |= byte &<< UInt64(8 &* lane)
            }
        }
        return word
    }

    /// Appends the slots in groups of eight, each group as narrow as its largest slot allows.
    ///
    /// The slot count takes two bytes, then each group's width takes four bits, then each group
    /// takes as many bytes as its width has bits: 0, 1, 2, 4, 8, 16 or 32 bits a slot, a slot
    /// stored as its value plus one, so that `none` is 0 and a group of empty slots takes no byte.
    /// A state of the 5-block model in `concrete:2` takes about 20 bytes.
    public func pack(into bytes: inout ContiguousArray<UInt8>) {
        slots.withUnsafeBufferPointer { slots in
            let groups = (slots.count + 7) / 8
            let headerLength = 2 + (groups + 1) / 2
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headerLength + 4 * slots.count + 32) { out in
                out.initialize(repeating: 0)
                out[0] = UInt8(truncatingIfNeeded: slots.count)
                out[1] = UInt8(truncatingIfNeeded: slots.count >> 8)
                var length = headerLength
                for group in 0..<groups {
                    let start = group * 8
                    let end = min(start + 8, slots.count)
                    var union: UInt32 = 0
                    for index in start..<end { union |= slots[index] &+ 1 }
                    let code = Self.widthCode(bits: 32 - union.leadingZeroBitCount)
                    out[2 + group / 2] |= UInt8(code) << (4 * (group % 2))
                    let width = Self.width(code: code)
                    let target = UnsafeMutableRawPointer(out.baseAddress! + length)
                    switch width {
                    case 0: break
                    case 16:
                        for index in start..<end {
                            target.storeBytes(
                                of: UInt16(truncatingIfNeeded: slots[index] &+ 1).littleEndian,
                                toByteOffset: 2 * (index - start), as: UInt16.self)
                        }
                    case 32:
                        for index in start..<end {
                            target.storeBytes(of: (slots[index] &+ 1).littleEndian, toByteOffset: 4 * (index - start), as: UInt32.self)
                        }
                    default:
                        var word: UInt64 = 0
                        for index in start..<end { word |= UInt64(slots[index] &+ 1) &<< UInt64((index &- start) &* width) }
                        // The whole word, though only `width` bytes count: the buffer has room past its end.
                        target.storeBytes(of: word.littleEndian, as: UInt64.self)
                    }
                    length += width
                }
                bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: out[..<length]))
            }
        }
    }

    /// Bits a slot for a width code: 0, 1, 2, 4, 8, 16 or 32.
    @inline(__always)
    private static func width(code: Int) -> Int { code == 0 ? 0 : 1 << (code - 1) }

    /// The code of the narrowest width of at least `bits` bits.
    @inline(__always)
    private static func widthCode(bits: Int) -> Int {
        switch bits {
        case 0: 0
        case 1: 1
        case 2: 2
        case 3...4: 3
        case 5...8: 4
        case 9...16: 5
        default: 6
        }
    }

    /// The state `pack(into:)` wrote.
    public init(unpacking bytes: UnsafeRawBufferPointer) {
        let count = Int(bytes[0]) | Int(bytes[1]) << 8
        slots = [UInt32](unsafeUninitializedCapacity: count) { slots, initialized in
            Self.unpack(bytes, into: slots)
            initialized = count
        }
    }

    /// Becomes the state `pack(into:)` wrote, in this state's own buffer when nothing else holds it
    /// and the slots are as many: no allocation per state expanded.
    public mutating func unpack(_ bytes: UnsafeRawBufferPointer) {
        let count = Int(bytes[0]) | Int(bytes[1]) << 8
        guard slots.count == count else {
            self = ExtentState(unpacking: bytes)
            return
        }
        slots.withUnsafeMutableBufferPointer { Self.unpack(bytes, into: $0) }
    }

    private static func unpack(_ bytes: UnsafeRawBufferPointer, into slots: UnsafeMutableBufferPointer<UInt32>) {
        let groups = (slots.count + 7) / 8
        var offset = 2 + (groups + 1) / 2
        for group in 0..<groups {
            let start = group * 8
            let end = min(start + 8, slots.count)
            let width = width(code: Int(bytes[2 + group / 2] >> (4 * (group % 2))) & 0xF)
            switch width {
            case 16:
                for index in start..<end {
                    let value = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2 * (index - start), as: UInt16.self))
                    slots[index] = UInt32(value) &- 1
                }
            case 32:
                for index in start..<end {
                    slots[index] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * (index - start), as: UInt32.self)) &- 1
                }
            default:
                var word: UInt64 = 0
                if offset + 8 <= bytes.count {
                    word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                } else {
                    for byte in 0..<width { word |= UInt64(bytes[offset + byte]) &<< UInt64(8 * byte) }
                }
                let mask: UInt64 = (1 &<< UInt64(width)) &- 1
                for index in start..<end {
                    slots[index] = UInt32(truncatingIfNeeded: (word &>> UInt64((index &- start) &* width)) & mask) &- 1
                }
            }
            offset += width
        }
    }
}
