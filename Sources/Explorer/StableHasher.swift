/// A 64-bit hasher whose result is the same in every process and on every
/// run, unlike `Hasher`, which is seeded per process.
///
/// Fingerprints of states are compared across runs and stored instead of the
/// states themselves, so they must not depend on the process. The mixing is
/// wyhash's: one 64×64→128-bit multiply per 64 bits of input, folded, with a
/// splitmix64 finalizer so that every input bit reaches every output bit.
public struct StableHasher {
    @usableFromInline var state: UInt64

    /// Creates a hasher with a fixed seed.
    @inlinable
    public init() {
        state = 0x243F_6A88_85A3_08D3
    }

    /// Mixes a 64-bit value into the hash.
    @inlinable
    public mutating func combine(_ value: UInt64) {
        let product = (state ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: value ^ 0xE703_7ED1_A0B4_28DB)
        state = product.high ^ product.low
    }

    /// Mixes two 64-bit values into the hash with one multiply: twice the throughput of two
    /// `combine(_:)` calls, for long inputs such as states.
    @inlinable
    public mutating func combine(_ first: UInt64, _ second: UInt64) {
        let product = (first ^ state ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: second ^ 0xE703_7ED1_A0B4_28DB)
        state = product.high ^ product.low
    }

    /// Mixes `bytes` into the hash in four lanes of sixteen bytes that multiply independently, then
    /// folds the lanes in: for long inputs such as states, whose time goes to multiplies waiting on
    /// the one before. The tail that does not fill sixteen bytes is padded with zeros, so inputs of
    /// different lengths should have their length combined too.
    @inlinable
    public mutating func combine(interleaving bytes: UnsafeRawBufferPointer) {
        // Offsets stay within `bytes`, whose address is nil only when nothing is read.
        let count = bytes.count
        @inline(__always)
        func word(_ offset: Int) -> UInt64 {
            bytes.baseAddress.unsafelyUnwrapped.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        var lanes = (self, self, self, self)
        lanes.1.state ^= 0x1
        lanes.2.state ^= 0x2
        lanes.3.state ^= 0x3
        var offset = 0
        while offset &+ 64 <= count {
            lanes.0.combine(word(offset), word(offset &+ 8))
            lanes.1.combine(word(offset &+ 16), word(offset &+ 24))
            lanes.2.combine(word(offset &+ 32), word(offset &+ 40))
            lanes.3.combine(word(offset &+ 48), word(offset &+ 56))
            offset &+= 64
        }
        while offset &+ 16 <= count {
            lanes.0.combine(word(offset), word(offset &+ 8))
            offset &+= 16
        }
        if offset < count {
            // The `length` (below 8) bytes from `offset` on, the first in the low byte.
            @inline(__always)
            func partial(_ offset: Int, _ length: Int) -> UInt64 {
                let base = bytes.baseAddress.unsafelyUnwrapped
                var value: UInt64 = 0
                var taken = 0
                if length >= 4 {
                    value = UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    taken = 4
                }
                while taken < length {
                    value |= UInt64(base.load(fromByteOffset: offset &+ taken, as: UInt8.self)) &<< UInt64(8 &* taken)
                    taken &+= 1
                }
                return value
            }
            let remaining = count &- offset
            if remaining >= 8 {
                lanes.0.combine(word(offset), partial(offset &+ 8, remaining &- 8))
            } else {
                lanes.0.combine(partial(offset, remaining), 0)
            }
        }
        state = lanes.0.state
        combine(lanes.1.state, lanes.2.state)
        combine(lanes.3.state)
    }

    /// Mixes a 32-bit value into the hash.
    @inlinable
    public mutating func combine(_ value: UInt32) {
        combine(UInt64(value))
    }

    /// Mixes an integer into the hash.
    @inlinable
    public mutating func combine(_ value: Int) {
        combine(UInt64(bitPattern: Int64(value)))
    }

    /// The hash of everything combined so far.
    @inlinable
    public func finalize() -> Fingerprint {
        var z = state ^ 0xB7E1_5162_8AED_2A6A
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Fingerprint(rawValue: z ^ (z >> 31))
    }
}

/// A value that can feed a `StableHasher`.
public protocol StableHashable {
    /// Feeds every part that equality compares into `hasher`.
    func stableHash(into hasher: inout StableHasher)
}

extension StableHashable {
    /// The value's fingerprint: its stable 64-bit hash.
    @inlinable
    public var fingerprint: Fingerprint {
        var hasher = StableHasher()
        stableHash(into: &hasher)
        return hasher.finalize()
    }
}
