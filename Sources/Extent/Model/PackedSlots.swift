/// The packed form of a state's slots: what a search keeps of each state it has yet to expand.
///
/// The slot count takes a byte (below 255; else 255 and two bytes more), then each group of eight
/// slots has a width code of four bits, two to a byte, then each group takes as many bytes as its
/// width has bits: 0, 1, 2, 4, 8, 16 or 32 bits a slot, as few as its largest slot needs. A slot is
/// stored as its value plus one, so that `none` is 0 and a group of empty slots takes no byte. A
/// state of the 5-block model in `concrete:2` takes about 19 bytes.
///
/// A group is packed and unpacked whole, a word at a time: the last group, if short, through eight
/// slots of its own whose slots past the state's are `none`.
enum PackedSlots {
    /// The most bytes a state of `slots` slots packs to, with a whole word written past its last group.
    static func lengthBound(slots: Int) -> Int { headerLength(slots: slots) + 32 * groups(slots: slots) + 8 }

    /// The slot count of the state packed at the start of `bytes`.
    @inline(__always)
    static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes[0] < 255 ? Int(bytes[0]) : Int(bytes[1]) | Int(bytes[2]) << 8
    }

    /// The bytes of the state packed at the start of `bytes`: its header, and each group's width.
    static func length(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = count(bytes)
        let headerLength = headerLength(slots: count)
        var length = headerLength
        // Two groups' codes a byte, the second's 0 past the last group.
        for index in countLength(slots: count)..<headerLength {
            let codes = Int(bytes[index])
            length &+= groupLength(code: codes & 0xF) &+ groupLength(code: codes &>> 4)
        }
        return length
    }

    /// Writes `slots` packed at `target`, which has room for `lengthBound(slots:)` bytes; returns
    /// the packed length, without the bytes written past it.
    static func pack(_ slots: UnsafeBufferPointer<UInt32>, into target: UnsafeMutableRawPointer) -> Int {
        let count = slots.count
        let codesStart = countLength(slots: count)
        if codesStart == 1 {
            target.storeBytes(of: UInt8(truncatingIfNeeded: count), as: UInt8.self)
        } else {
            target.storeBytes(of: 255, as: UInt8.self)
            target.storeBytes(of: UInt16(truncatingIfNeeded: count).littleEndian, toByteOffset: 1, as: UInt16.self)
        }
        var length = headerLength(slots: count)
        guard let first = slots.baseAddress else { return length }
        let codes = target + codesStart
        let wholeGroups = count &>> 3
        for group in 0..<wholeGroups {
            let code = packGroup(UnsafeRawPointer(first + 8 &* group), into: target + length)
            setCode(code, ofGroup: group, in: codes)
            length &+= groupLength(code: code)
        }
        guard count & 7 != 0 else { return length }
        var padded = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
        let code = withUnsafeMutableBytes(of: &padded) { padded in
            copySlots(count & 7, from: first + 8 &* wholeGroups, to: padded.baseAddress!)
            return packGroup(UnsafeRawPointer(padded.baseAddress!), into: target + length)
        }
        setCode(code, ofGroup: wholeGroups, in: codes)
        return length &+ groupLength(code: code)
    }

    /// Writes the state packed at the start of `bytes` into `slots`, which are as many as it has;
    /// returns the bytes it took. A group is read as one word where `bytes` runs on for a word, past
    /// the state's end if need be.
    @discardableResult
    static func unpack(_ bytes: UnsafeRawBufferPointer, into slots: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let count = slots.count
        var offset = headerLength(slots: count)
        guard let source = bytes.baseAddress, let first = slots.baseAddress else { return offset }
        let codes = source + countLength(slots: count)
        // A word may be read from any offset up to here.
        let lastWord = bytes.count &- 8
        let wholeGroups = count &>> 3
        for group in 0..<wholeGroups {
            let code = code(ofGroup: group, in: codes)
            unpackGroup(code: code, from: source + offset, wordReadable: offset <= lastWord, into: UnsafeMutableRawPointer(first + 8 &* group))
            offset &+= groupLength(code: code)
        }
        guard count & 7 != 0 else { return offset }
        let code = code(ofGroup: wholeGroups, in: codes)
        var padded = (UInt64.zero, UInt64.zero, UInt64.zero, UInt64.zero)
        withUnsafeMutableBytes(of: &padded) { padded in
            unpackGroup(code: code, from: source + offset, wordReadable: offset <= lastWord, into: padded.baseAddress!)
            copySlots(count & 7, from: padded.baseAddress!, to: UnsafeMutableRawPointer(first + 8 &* wholeGroups))
        }
        return offset &+ groupLength(code: code)
    }
}

extension PackedSlots {
    /// The groups of eight slots a state of `slots` slots has, the last one short or not.
    @inline(__always)
    static func groups(slots: Int) -> Int { (slots &+ 7) &>> 3 }

    /// The bytes before the first group: the slot count and a width code for each group.
    @inline(__always)
    static func headerLength(slots: Int) -> Int { countLength(slots: slots) &+ (groups(slots: slots) &+ 1) &>> 1 }

    /// The bytes the slot count takes.
    @inline(__always)
    static func countLength(slots: Int) -> Int { slots < 255 ? 1 : 3 }

    /// The bytes of a group of width code `code`: 2^code / 2, from 0 for code 0 to 32 for code 6.
    @inline(__always)
    static func groupLength(code: Int) -> Int { (1 &<< code) &>> 1 }

    /// Copies the `count` slots of a short group, fewer than eight, from `source` to `target`: a call
    /// to copy memory would cost more than the copy.
    @inline(__always)
    private static func copySlots(_ count: Int, from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
        if count & 4 != 0 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        }
        if count & 2 != 0 {
            let offset = 4 &* (count & 4)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
        }
        if count & 1 != 0 {
            let offset = 4 &* (count & 6)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt32.self), toByteOffset: offset, as: UInt32.self)
        }
    }

    /// The width code of group `group`, from the codes that start at `codes`.
    @inline(__always)
    private static func code(ofGroup group: Int, in codes: UnsafeRawPointer) -> Int {
        Int(codes.load(fromByteOffset: group &>> 1, as: UInt8.self) &>> UInt8(4 &* (group & 1))) & 0xF
    }

    /// Writes the width code of group `group` among the codes that start at `codes`, in order: the
    /// first of a byte's two clears the second.
    @inline(__always)
    private static func setCode(_ code: Int, ofGroup group: Int, in codes: UnsafeMutableRawPointer) {
        let byte = codes + group &>> 1
        if group & 1 == 0 {
            byte.storeBytes(of: UInt8(truncatingIfNeeded: code), as: UInt8.self)
        } else {
            byte.storeBytes(of: byte.load(as: UInt8.self) | UInt8(truncatingIfNeeded: code) &<< 4, as: UInt8.self)
        }
    }
}
