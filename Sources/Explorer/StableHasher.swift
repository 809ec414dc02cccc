/// A 64-bit hasher whose result is the same in every process and on every
/// run, unlike `Hasher`, which is seeded per process.
///
/// Fingerprints of states are compared across runs and stored instead of the
/// states themselves, so they must not depend on the process.
public struct StableHasher {
    @usableFromInline var state: UInt64

    /// Creates a hasher with a fixed seed.
    public init() {
        state = 0x243F_6A88_85A3_08D3
    }

    /// Mixes a 64-bit value into the hash.
    @inlinable
    public mutating func combine(_ value: UInt64) {
        state = Self.mix((state ^ value) &* 0x9E37_79B9_7F4A_7C15)
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
    public func finalize() -> Fingerprint {
        Fingerprint(rawValue: Self.mix(state ^ 0xB7E1_5162_8AED_2A6A))
    }

    // The splitmix64 finalizer: every input bit affects every output bit.
    @usableFromInline
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A value that can feed a `StableHasher`.
public protocol StableHashable {
    /// Feeds every part that equality compares into `hasher`.
    func stableHash(into hasher: inout StableHasher)
}

extension StableHashable {
    /// The value's fingerprint: its stable 64-bit hash.
    public var fingerprint: Fingerprint {
        var hasher = StableHasher()
        stableHash(into: &hasher)
        return hasher.finalize()
    }
}
