@_spi(Search) public import Explorer

/// One state of an extent model: user buffers, page cache, bios in flight,
/// the stored file, and every actor's progress, as a flat array of slots.
///
/// In symbolic mode the words are canonically renamed: variables are
/// numbered in order of first appearance, so states that differ only by
/// the names of their variables are equal.
@_spi(Search) public struct ExtentState: Hashable, Sendable, StableHashable, PackableState {
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

    /// The most bytes `pack(into:)` writes: every group of eight slots at 32 bits, a last group of
    /// fewer too, and a whole word written past the last group.
    @_spi(Search) public var packedLengthBound: Int { Self.headerLength(slots: slots.count) + 32 * ((slots.count + 7) / 8) + 8 }

    /// Writes the slots in groups of eight, each group as narrow as its largest slot allows.
    ///
    /// The slot count takes a byte (below 255; else 255 and two bytes more), then each group's
    /// width takes four bits, then each group
    /// takes as many bytes as its width has bits: 0, 1, 2, 4, 8, 16 or 32 bits a slot, a slot
    /// stored as its value plus one, so that `none` is 0 and a group of empty slots takes no byte.
    /// A state of the 5-block model in `concrete:2` takes about 19 bytes.
    @_spi(Search) public func pack(into target: UnsafeMutableRawPointer) -> Int {
        slots.withUnsafeBufferPointer { slots in
            let groups = (slots.count + 7) / 8
            let headerLength = Self.headerLength(slots: slots.count)
            let codesStart = Self.countLength(slots: slots.count)
            let header = target.assumingMemoryBound(to: UInt8.self)
            for index in 0..<headerLength { header[index] = 0 }
            if codesStart == 1 {
                header[0] = UInt8(truncatingIfNeeded: slots.count)
            } else {
                header[0] = 255
                header[1] = UInt8(truncatingIfNeeded: slots.count)
                header[2] = UInt8(truncatingIfNeeded: slots.count >> 8)
            }
            var length = headerLength
            for group in 0..<groups {
                let codes = Self.codes(slots, group: group)
                let union = codes.0 | codes.1 | codes.2 | codes.3
                let code = Self.widthCode(bits: 32 - (UInt32(truncatingIfNeeded: union) | UInt32(truncatingIfNeeded: union &>> 32)).leadingZeroBitCount)
                header[codesStart + group / 2] |= UInt8(code) &<< (4 * (group % 2))
                let width = Self.width(code: code)
                switch width {
                case 0: break
                case 16, 32:
                    for index in (8 * group)..<min(8 * group + 8, slots.count) {
                        let code = slots[index] &+ 1
                        let offset = length + (index - 8 * group) * width / 8
                        if width == 16 {
                            target.storeBytes(of: UInt16(truncatingIfNeeded: code).littleEndian, toByteOffset: offset, as: UInt16.self)
                        } else {
                            target.storeBytes(of: code.littleEndian, toByteOffset: offset, as: UInt32.self)
                        }
                    }
                default:
                    // The whole word, though only `width` bytes count.
                    target.storeBytes(of: Self.squeeze(codes, width: width).littleEndian, toByteOffset: length, as: UInt64.self)
                }
                length += width
            }
            return length
        }
    }

    /// The bytes of the state packed at the start of `bytes`: its header, and each group's width.
    @_spi(Search) public static func packedLength(of bytes: UnsafeRawBufferPointer) -> Int {
        let count = packedCount(bytes)
        let headerLength = headerLength(slots: count)
        var length = headerLength
        // Two groups' codes a byte, the second's 0 past the last group: each code c is 2^c / 2 bytes.
        for index in countLength(slots: count)..<headerLength {
            let codes = Int(bytes[index])
            length &+= (1 &<< (codes & 0xF)) &>> 1 &+ (1 &<< (codes &>> 4)) &>> 1
        }
        return length
    }

    /// The bytes before the first group: the slot count and a width code for each group.
    @inline(__always)
    private static func headerLength(slots: Int) -> Int { countLength(slots: slots) + ((slots + 7) / 8 + 1) / 2 }

    /// The bytes the slot count takes.
    @inline(__always)
    private static func countLength(slots: Int) -> Int { slots < 255 ? 1 : 3 }

    /// The slot count of the state packed at the start of `bytes`.
    @inline(__always)
    private static func packedCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes[0] < 255 ? Int(bytes[0]) : Int(bytes[1]) | Int(bytes[2]) << 8
    }

    /// The codes (slot plus one) of group `group`'s eight slots, two to a word, the first in each
    /// word's low half; 0 for slots past the end.
    @inline(__always)
    private static func codes(_ slots: UnsafeBufferPointer<UInt32>, group: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        let start = 8 * group
        if start + 8 <= slots.count {
            let source = UnsafeRawPointer(slots.baseAddress! + start)
            // Plus one in each half at once, without carrying from the low half into the high one.
            @inline(__always)
            func pair(_ offset: Int) -> UInt64 {
                let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                return ((word & 0x7FFF_FFFF_7FFF_FFFF) &+ 0x0000_0001_0000_0001) ^ (word & 0x8000_0000_8000_0000)
            }
            return (pair(0), pair(8), pair(16), pair(24))
        }
        @inline(__always)
        func code(_ index: Int) -> UInt64 { index < slots.count ? UInt64(slots[index] &+ 1) : 0 }
        @inline(__always)
        func pair(_ index: Int) -> UInt64 { code(index) | code(index + 1) &<< 32 }
        return (pair(start), pair(start + 2), pair(start + 4), pair(start + 6))
    }

    /// Eight codes of at most `width` bits (1, 2, 4 or 8), as `codes(_:group:)` gives them, in the
    /// low `8 × width` bits of a word.
    @inline(__always)
    private static func squeeze(_ codes: (UInt64, UInt64, UInt64, UInt64), width: Int) -> UInt64 {
        // A byte each: codes 0, 2, 4, 6 in bytes 0-3 and codes 1, 3, 5, 7 in bytes 4-7.
        let word = codes.0 | codes.1 &<< 8 | codes.2 &<< 16 | codes.3 &<< 24
        // Each width apart, so that its shifts and masks are constants.
        switch width {
        case 1: return squeeze(word, lanesOf: 1)
        case 2: return squeeze(word, lanesOf: 2)
        case 4: return squeeze(word, lanesOf: 4)
        default: return word
        }
    }

    /// A word of eight byte-wide codes of at most `width` bits (1, 2 or 4), squeezed into its low
    /// `8 × width` bits.
    @inline(__always)
    private static func squeeze(_ word: UInt64, lanesOf width: Int) -> UInt64 {
        var word = word
        let w = UInt64(width)
        // Each step halves the lanes, joining each lane's value with its neighbour's.
        word = (word | word &>> (8 - w)) & 0x00FF_00FF_00FF_00FF
        word = (word | word &>> (16 - 2 * w)) & 0x0000_FFFF_0000_FFFF
        word = (word | word &>> (32 - 4 * w)) & ((1 &<< (8 * w)) &- 1)
        return word
    }

    /// `squeeze(_:width:)` undone: the byte-a-code word it started from, of a word whose bits past
    /// the group's are 0.
    @inline(__always)
    private static func spread(_ word: UInt64, width: Int) -> UInt64 {
        // Each width apart, so that its shifts and masks are constants.
        switch width {
        case 1: spread(word, lanesOf: 1)
        case 2: spread(word, lanesOf: 2)
        case 4: spread(word, lanesOf: 4)
        default: word
        }
    }

    /// `squeeze(_:lanesOf:)` undone.
    @inline(__always)
    private static func spread(_ word: UInt64, lanesOf width: Int) -> UInt64 {
        let w = UInt64(width)
        let quarter: UInt64 = (1 &<< (4 * w)) &- 1
        var spread = (word & quarter) | ((word &>> (4 * w)) & quarter) &<< 32
        let eighth: UInt64 = ((1 &<< (2 * w)) &- 1) &* 0x0000_0001_0000_0001
        spread = (spread & eighth) | ((spread &>> (2 * w)) & eighth) &<< 16
        let sixteenth: UInt64 = ((1 &<< w) &- 1) &* 0x0001_0001_0001_0001
        spread = (spread & sixteenth) | ((spread &>> w) & sixteenth) &<< 8
        return spread
    }

    /// Bits a slot for a width code: 0, 1, 2, 4, 8, 16 or 32.
    @inline(__always)
    private static func width(code: Int) -> Int { code == 0 ? 0 : 1 &<< (code - 1) }

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

    /// The state `pack(into:)` wrote at the start of `bytes`.
    @_spi(Search) public init(unpacking bytes: UnsafeRawBufferPointer) {
        let count = Self.packedCount(bytes)
        slots = [UInt32](unsafeUninitializedCapacity: count) { slots, initialized in
            Self.unpack(bytes, into: slots)
            initialized = count
        }
    }

    /// Becomes the state `pack(into:)` wrote at the start of `bytes`, in this state's own buffer when
    /// nothing else holds it and the slots are as many: no allocation per state expanded. A group is
    /// read as one word where `bytes` runs on for a word, past the state's end if need be.
    @_spi(Search) @discardableResult public mutating func unpack(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = Self.packedCount(bytes)
        guard slots.count == count else {
            self = ExtentState(unpacking: bytes)
            return Self.packedLength(of: bytes)
        }
        return slots.withUnsafeMutableBufferPointer { Self.unpack(bytes, into: $0) }
    }

    /// Writes the state packed at the start of `bytes` into `slots`, which are as many as it has;
    /// returns the bytes it took.
    @discardableResult
    private static func unpack(_ bytes: UnsafeRawBufferPointer, into slots: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let groups = (slots.count + 7) / 8
        let codesStart = countLength(slots: slots.count)
        var offset = codesStart + (groups + 1) / 2
        for group in 0..<groups {
            let start = 8 * group
            let end = min(start + 8, slots.count)
            let width = width(code: Int(bytes[codesStart + group / 2] &>> (4 * (group % 2))) & 0xF)
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
                word &= width == 8 ? .max : (1 &<< UInt64(8 * width)) &- 1
                let codes = spread(word, width: width)
                if end - start == 8 {
                    // Codes 2k and 2k + 1 are bytes k and k + 4: one word of two slots, each minus
                    // one (0 becomes `none`) without borrowing across the halves.
                    let target = UnsafeMutableRawPointer(slots.baseAddress! + start)
                    for pair in 0..<4 {
                        let halves = (codes &>> UInt64(8 * pair)) & 0x0000_00FF_0000_00FF
                        target.storeBytes(of: (halves &+ 0x7FFF_FFFF_7FFF_FFFF) ^ 0x8000_0000_8000_0000, toByteOffset: 8 * pair, as: UInt64.self)
                    }
                } else {
                    for index in start..<end {
                        let lane = index - start
                        let byte = lane % 2 == 0 ? lane / 2 : lane / 2 + 4
                        slots[index] = UInt32(truncatingIfNeeded: (codes &>> UInt64(8 * byte)) & 0xFF) &- 1
                    }
                }
            }
            offset += width
        }
        return offset
    }
}
