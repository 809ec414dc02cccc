import Explorer
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

    @Test func collisionProbabilityGrowsWithTheSquareOfTheStates() {
        #expect(Fingerprint.collisionProbability(states: 0) == 0)
        let million = Fingerprint.collisionProbability(states: 1_000_000)
        #expect(abs(million - 1e12 / 0x1p65) < 1e-20)
        #expect(Fingerprint.collisionProbability(states: 2_000_000) == 4 * million)
    }
}
