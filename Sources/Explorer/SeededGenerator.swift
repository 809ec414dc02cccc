/// A random number generator that gives the same numbers for the same seed on every run and
/// machine: SplitMix64.
///
/// The project's own, rather than a property-testing library's, so that the command-line tool does
/// not link a test framework.
@_spi(Search) public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    @_spi(Search) public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    @_spi(Search) public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
