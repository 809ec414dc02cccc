/// One group of eight slots, packed and unpacked a word at a time.
///
/// A group's slots are read as four words of two slots, the first in each word's low half, and
/// each slot plus one (its code) is taken in both halves at once. A group of codes below 256 packs
/// from a word of a byte a code, codes 0, 2, 4, 6 in bytes 0 to 3 and codes 1, 3, 5, 7 in bytes 4
/// to 7, squeezed into its low `8 × width` bits.
extension PackedSlots {
    /// Writes the eight slots at `source` packed at `target`, which has room for 32 bytes and a word
    /// past the group's bytes; returns the group's width code.
    @inline(__always)
    static func packGroup(_ source: UnsafeRawPointer, into target: UnsafeMutableRawPointer) -> Int {
        // Plus one in each half at once, without carrying from the low half into the high one.
        @inline(__always)
        func codes(_ offset: Int) -> UInt64 {
            let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return ((word & 0x7FFF_FFFF_7FFF_FFFF) &+ 0x0000_0001_0000_0001) ^ (word & 0x8000_0000_8000_0000)
        }
        let pairs = (codes(0), codes(8), codes(16), codes(24))
        let union = pairs.0 | pairs.1 | pairs.2 | pairs.3
        let largest = UInt32(truncatingIfNeeded: union) | UInt32(truncatingIfNeeded: union &>> 32)
        guard largest != 0 else { return 0 }
        // The narrowest of 1, 2, 4, 8, 16 and 32 bits that holds the largest code, as 1 to 6.
        let bits = UInt32.bitWidth &- largest.leadingZeroBitCount
        let code = 1 &+ (UInt.bitWidth &- UInt(bits &- 1).leadingZeroBitCount)
        switch code {
        case 1: target.storeBytes(of: squeeze(bytes(pairs), lanesOf: 1).littleEndian, as: UInt64.self)
        case 2: target.storeBytes(of: squeeze(bytes(pairs), lanesOf: 2).littleEndian, as: UInt64.self)
        case 3: target.storeBytes(of: squeeze(bytes(pairs), lanesOf: 4).littleEndian, as: UInt64.self)
        case 4: target.storeBytes(of: bytes(pairs).littleEndian, as: UInt64.self)
        case 5:
            // Each word's two codes as the two halves of 32 bits.
            @inline(__always)
            func halves(_ pair: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: pair & 0xFFFF | (pair &>> 16) & 0xFFFF_0000) }
            target.storeBytes(of: halves(pairs.0).littleEndian, toByteOffset: 0, as: UInt32.self)
            target.storeBytes(of: halves(pairs.1).littleEndian, toByteOffset: 4, as: UInt32.self)
            target.storeBytes(of: halves(pairs.2).littleEndian, toByteOffset: 8, as: UInt32.self)
            target.storeBytes(of: halves(pairs.3).littleEndian, toByteOffset: 12, as: UInt32.self)
        default:
            // Each slot's code in its own 32 bits, in order: as the words hold them.
            target.storeBytes(of: pairs.0.littleEndian, toByteOffset: 0, as: UInt64.self)
            target.storeBytes(of: pairs.1.littleEndian, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: pairs.2.littleEndian, toByteOffset: 16, as: UInt64.self)
            target.storeBytes(of: pairs.3.littleEndian, toByteOffset: 24, as: UInt64.self)
        }
        return code
    }

    /// Writes the eight slots of the group of width code `code` packed at `source` at `target`; reads
    /// a whole word from `source` where `wordReadable`, else only the group's bytes.
    @inline(__always)
    static func unpackGroup(code: Int, from source: UnsafeRawPointer, wordReadable: Bool, into target: UnsafeMutableRawPointer) {
        @inline(__always)
        func word() -> UInt64 {
            guard !wordReadable else { return UInt64(littleEndian: source.loadUnaligned(as: UInt64.self)) }
            var word: UInt64 = 0
            for byte in 0..<groupLength(code: code) {
                word |= UInt64(source.load(fromByteOffset: byte, as: UInt8.self)) &<< UInt64(8 &* byte)
            }
            return word
        }
        switch code {
        case 0:
            for pair in 0..<4 { target.storeBytes(of: UInt64.max, toByteOffset: 8 &* pair, as: UInt64.self) }
        case 1: storeBytes(spread(word(), lanesOf: 1), into: target)
        case 2: storeBytes(spread(word(), lanesOf: 2), into: target)
        case 3: storeBytes(spread(word(), lanesOf: 4), into: target)
        case 4: storeBytes(UInt64(littleEndian: source.loadUnaligned(as: UInt64.self)), into: target)
        case 5:
            for pair in 0..<4 {
                let halves = UInt64(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: 4 &* pair, as: UInt32.self)))
                storePair(halves & 0xFFFF | (halves & 0xFFFF_0000) &<< 16, at: 8 &* pair, in: target)
            }
        default:
            for slot in 0..<8 {
                let code = UInt32(littleEndian: source.loadUnaligned(fromByteOffset: 4 &* slot, as: UInt32.self))
                target.storeBytes(of: code &- 1, toByteOffset: 4 &* slot, as: UInt32.self)
            }
        }
    }

    /// A group's eight codes below 256 as a word of a byte a code, in the order `squeeze` takes.
    @inline(__always)
    private static func bytes(_ pairs: (UInt64, UInt64, UInt64, UInt64)) -> UInt64 {
        pairs.0 | pairs.1 &<< 8 | pairs.2 &<< 16 | pairs.3 &<< 24
    }

    /// Writes the eight slots of a word of a byte a code, as `bytes(_:)` makes it, at `target`.
    @inline(__always)
    private static func storeBytes(_ word: UInt64, into target: UnsafeMutableRawPointer) {
        // Codes 2k and 2k + 1 are bytes k and k + 4: the two halves of word k.
        for pair in 0..<4 {
            storePair((word &>> UInt64(8 &* pair)) & 0x0000_00FF_0000_00FF, at: 8 &* pair, in: target)
        }
    }

    /// Writes two slots from a word of their codes, each below 2^31, one a half.
    @inline(__always)
    private static func storePair(_ codes: UInt64, at offset: Int, in target: UnsafeMutableRawPointer) {
        // Minus one in each half (0 becomes `none`) without borrowing across the halves.
        target.storeBytes(of: (codes &+ 0x7FFF_FFFF_7FFF_FFFF) ^ 0x8000_0000_8000_0000, toByteOffset: offset, as: UInt64.self)
    }

    /// A word of eight byte-wide codes of at most `width` bits (1, 2 or 4), squeezed into its low
    /// `8 × width` bits.
    @inline(__always)
    private static func squeeze(_ word: UInt64, lanesOf width: UInt64) -> UInt64 {
        // Each step halves the lanes, joining each lane's value with its neighbour's.
        var word = (word | word &>> (8 - width)) & 0x00FF_00FF_00FF_00FF
        word = (word | word &>> (16 - 2 * width)) & 0x0000_FFFF_0000_FFFF
        return (word | word &>> (32 - 4 * width)) & ((1 &<< (8 * width)) &- 1)
    }

    /// `squeeze(_:lanesOf:)` undone, from a word whose bits past the group's `8 × width` are any.
    @inline(__always)
    private static func spread(_ word: UInt64, lanesOf width: UInt64) -> UInt64 {
        let quarter: UInt64 = (1 &<< (4 * width)) &- 1
        var spread = (word & quarter) | ((word &>> (4 * width)) & quarter) &<< 32
        let eighth: UInt64 = ((1 &<< (2 * width)) &- 1) &* 0x0000_0001_0000_0001
        spread = (spread & eighth) | ((spread &>> (2 * width)) & eighth) &<< 16
        let sixteenth: UInt64 = ((1 &<< width) &- 1) &* 0x0001_0001_0001_0001
        return (spread & sixteenth) | ((spread &>> width) & sixteenth) &<< 8
    }
}
