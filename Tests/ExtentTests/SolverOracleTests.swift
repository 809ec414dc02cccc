@_spi(Search) import Explorer
import Extent
import Testing

@Suite struct SolverOracleTests {
    @Test func identicalWordsAreDecidedWithoutZ3AndShapesAreAskedOnce() throws {
        let oracle = try SolverOracle(geometry: Geometry(blockWords: 2), checksum: .crc32c)
        #expect(oracle.checksumsCanDiffer([0, 1], [0, 1]) == .holds)
        #expect(oracle.statistics.identical == 1 && oracle.statistics.calls == 0)
        #expect(oracle.checksumsCanDiffer([0, 1], [2, 1]) == .violated)
        // The same shape under other names: answered from the cache.
        #expect(oracle.checksumsCanDiffer([5, 7], [9, 7]) == .violated)
        #expect(oracle.statistics.calls == 1 && oracle.statistics.cacheHits == 1)
        // Swapped words are another shape, and CRC is not symmetric.
        #expect(oracle.checksumsCanDiffer([0, 1], [1, 0]) == .violated)
        #expect(oracle.wordsCanDiffer([0, 1], [1, 0]) == .violated)
        #expect(oracle.statistics.calls == 3)
    }

    @Test(arguments: ChecksumKind.allCases)
    func withoutShortcutsZ3DecidesIdenticalWordsTheSameWay(checksum: ChecksumKind) throws {
        let oracle = try SolverOracle(geometry: Geometry(blockWords: 2), checksum: checksum, usesShortcuts: false)
        #expect(oracle.checksumsCanDiffer([0, 1], [0, 1]) == .holds)
        #expect(oracle.wordsCanDiffer([3, 3], [3, 3]) == .holds)
        #expect(oracle.checksumsCanDiffer([0, 1], [0, 2]) == .violated)
        #expect(oracle.statistics.calls == 3 && oracle.statistics.identical == 0)
    }

    @Test func aQueryOverItsTimeBudgetIsUnknownWithTheReason() throws {
        // CRC-32C over 8 × 64-bit words takes Z3 far longer than a millisecond.
        let oracle = try SolverOracle(
            geometry: Geometry(blockWords: 8, wordBits: 64), checksum: .crc32c, timeoutMilliseconds: 1)
        let judgement = oracle.checksumsCanDiffer(Array(0..<8), Array(8..<16))
        guard case .unknown(let reason) = judgement else {
            Issue.record("expected unknown, got \(judgement)")
            return
        }
        #expect(reason.contains("timeout"))
    }
}
