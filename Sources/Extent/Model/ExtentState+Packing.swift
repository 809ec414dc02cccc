@_spi(Search) public import Explorer

/// A state packs as `PackedSlots` lays out its slots.
extension ExtentState: PackableState {
    /// The most bytes `pack(into:)` writes: every group of eight slots at 32 bits, and a whole word
    /// written past the last group.
    @_spi(Search) public var packedLengthBound: Int { PackedSlots.lengthBound(slots: slots.count) }

    /// Writes the slots in groups of eight, each group as narrow as its largest slot allows.
    @_spi(Search) public func pack(into target: UnsafeMutableRawPointer) -> Int {
        slots.withUnsafeBufferPointer { PackedSlots.pack($0, into: target) }
    }

    /// The bytes of the state packed at the start of `bytes`: its header, and each group's width.
    @_spi(Search) public static func packedLength(of bytes: UnsafeRawBufferPointer) -> Int { PackedSlots.length(bytes) }

    /// The state `pack(into:)` wrote at the start of `bytes`.
    @_spi(Search) public init(unpacking bytes: UnsafeRawBufferPointer) {
        let count = PackedSlots.count(bytes)
        slots = [UInt32](unsafeUninitializedCapacity: count) { slots, initialized in
            PackedSlots.unpack(bytes, into: UnsafeMutableBufferPointer(rebasing: slots[..<count]))
            initialized = count
        }
    }

    /// Becomes the state `pack(into:)` wrote at the start of `bytes`, in this state's own buffer when
    /// nothing else holds it and the slots are as many: no allocation per state expanded.
    @_spi(Search) @discardableResult public mutating func unpack(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard slots.count == PackedSlots.count(bytes) else {
            self = ExtentState(unpacking: bytes)
            return Self.packedLength(of: bytes)
        }
        return slots.withUnsafeMutableBufferPointer { PackedSlots.unpack(bytes, into: $0) }
    }
}
