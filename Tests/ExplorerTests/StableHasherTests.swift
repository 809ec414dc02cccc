@_spi(Search) import Explorer
import Testing

@Suite struct StableHasherTests {
    @Test func theSameValuesGiveTheSameFingerprintInEveryProcess() {
        // Computed once by an independent implementation of the same mixing (wyhash, splitmix64):
        // a fingerprint must not depend on the process, the run or the build.
        var hasher = StableHasher()
        hasher.combine(UInt64(1))
        hasher.combine(UInt64(2))
        #expect(hasher.finalize().rawValue == 0xefec_e012_22aa_85c8)
        #expect(hasher.finalize().description == "efece01222aa85c8")
    }

    /// The interleaved mixing of long inputs, through its lanes, its sixteen-byte steps and its tails.
    @Test(arguments: [
        (0, 0xbc62_07c2_bbc4_4ada), (5, 0x3680_e8aa_0799_195e), (13, 0x0bec_2877_e394_7a1d),
        (40, 0x3ddc_8697_f106_4f04), (168, 0xf9c3_613a_4bca_e1fd),
    ] as [(Int, UInt64)])
    func interleavedInputsGiveTheSameFingerprintInEveryProcess(length: Int, expected: UInt64) {
        // Computed once by an independent implementation: the bytes 11, 48, 85, ... and their count.
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var hasher = StableHasher()
        hasher.combine(length)
        bytes.withUnsafeBytes { hasher.combine(interleaving: $0) }
        #expect(hasher.finalize().rawValue == expected)
    }

    @Test func orderAndValueMatter() {
        func fingerprint(_ values: [UInt64]) -> Fingerprint {
            var hasher = StableHasher()
            for value in values { hasher.combine(value) }
            return hasher.finalize()
        }
        #expect(fingerprint([1, 2]) != fingerprint([2, 1]))
        #expect(fingerprint([0]) != fingerprint([0, 0]))
        let many = Set((0..<100_000).map { fingerprint([UInt64($0)]) })
        #expect(many.count == 100_000)
    }

    /// Every byte of an input reaches the fingerprint, whichever lane or tail it falls in, and lanes
    /// are not interchangeable.
    @Test func interleavedLanesFeelEveryByte() {
        func fingerprint(_ bytes: [UInt8]) -> Fingerprint {
            var hasher = StableHasher()
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(interleaving: $0) }
            return hasher.finalize()
        }
        for length in [0, 1, 3, 4, 7, 8, 12, 15, 16, 17, 63, 64, 65, 100, 208] {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(fingerprint(base) == fingerprint(base))
            var seen: Set<Fingerprint> = [fingerprint(base)]
            for position in 0..<length {
                var changed = base
                changed[position] ^= 0x40
                #expect(seen.insert(fingerprint(changed)).inserted, "length \(length), byte \(position)")
            }
        }
        // The first two lanes' sixteen bytes swapped: a different input, a different fingerprint.
        let lanes = (0..<64).map { UInt8($0) }
        let swapped = Array(lanes[16..<32] + lanes[0..<16] + lanes[32...])
        #expect(fingerprint(lanes) != fingerprint(swapped))
    }

    @Test func collisionProbabilityGrowsWithTheSquareOfTheStates() {
        #expect(Fingerprint.collisionProbability(states: 0) == 0)
        let million = Fingerprint.collisionProbability(states: 1_000_000)
        #expect(abs(million - 1e12 / 0x1p65) < 1e-20)
        #expect(Fingerprint.collisionProbability(states: 2_000_000) == 4 * million)
    }
}
