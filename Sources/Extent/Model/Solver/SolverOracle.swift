@_spi(Search) package import Explorer
internal import Z3Kit

/// Decides with Z3 whether a condition on the words of a symbolic state can
/// hold, together with a path condition: comparisons of two blocks' data, or
/// of the checksums H of two blocks, joined by and, or and not.
///
/// Questions are asked once per shape (the words renamed in order of first
/// appearance, with the structure of the condition) and the answer is cached;
/// with `usesShortcuts`, identical word lists are also answered equal without
/// a query. Without shortcuts every question is a query: tests use that to
/// show the shortcuts agree with Z3.
///
/// The oracle owns a Z3 context and is not `Sendable`: use it on one thread.
package final class SolverOracle {
    /// Figures of the oracle's work.
    package struct Statistics: Hashable, Sendable, Codable {
        /// Queries sent to Z3.
        package var calls = 0
        /// Time Z3 took on them, in seconds.
        package var seconds = 0.0
        /// Questions answered from the cache of shapes.
        package var cacheHits = 0
        /// Questions answered because both sides were the same words.
        package var identical = 0
        /// Outcomes of a `complete` that Z3 could not rule in or out, and that were explored.
        package var undecidedOutcomes = 0
    }

    /// Figures of the work done so far.
    package internal(set) var statistics = Statistics()

    let geometry: Geometry
    let checksum: ChecksumKind
    let usesShortcuts: Bool
    let timeoutMilliseconds: UInt32?
    let context: Z3Context
    let solver: Z3Solver
    private let wordSort: Z3Sort
    private let uninterpretedChecksum: Z3Function
    /// Answers to questions with path conditions, by shape.
    var conditionCache: [ConditionQuestion: Judgement] = [:]

    /// Creates an oracle for blocks of `geometry` checksummed with `checksum`; a Z3 query that takes
    /// longer than `timeoutMilliseconds` is answered unknown.
    package init(
        geometry: Geometry, checksum: ChecksumKind, usesShortcuts: Bool = true, timeoutMilliseconds: UInt32? = nil
    ) throws {
        self.geometry = geometry
        self.checksum = checksum
        self.usesShortcuts = usesShortcuts
        self.timeoutMilliseconds = timeoutMilliseconds
        context = Z3Context()
        solver = try Z3Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
        wordSort = try context.bitVectorSort(bits: geometry.wordBits)
        uninterpretedChecksum = try context.function(
            named: "H", domain: [try context.bitVectorSort(bits: geometry.wordBits * geometry.blockWords)],
            range: try context.bitVectorSort(bits: 32))
    }

    /// Whether this oracle can answer the questions of `geometry`'s blocks under `checksum` with these
    /// settings: the shape of a question names no block and no scenario, so its answer carries over.
    package func fits(
        geometry: Geometry, checksum: ChecksumKind, usesShortcuts: Bool, timeoutMilliseconds: UInt32?
    ) -> Bool {
        self.geometry.wordBits == geometry.wordBits && self.geometry.blockWords == geometry.blockWords
            && self.checksum == checksum && self.usesShortcuts == usesShortcuts && self.timeoutMilliseconds == timeoutMilliseconds
    }

    /// Starts the figures again from zero, for the next check that uses this oracle.
    package func resetStatistics() {
        statistics = Statistics()
    }

    /// `.violated` when some value of the variables gives the blocks `a` and `b` different checksums,
    /// `.holds` when none does.
    package func checksumsCanDiffer(_ a: [UInt32], _ b: [UInt32]) -> Judgement {
        canDiffer(a, b, comparesChecksums: true)
    }

    /// `.violated` when some value of the variables makes the blocks `a` and `b` differ,
    /// `.holds` when none does.
    package func wordsCanDiffer(_ a: [UInt32], _ b: [UInt32]) -> Judgement {
        canDiffer(a, b, comparesChecksums: false)
    }

    /// One comparison, asked as a condition; identical lists are answered without Z3 under shortcuts.
    private func canDiffer(_ a: [UInt32], _ b: [UInt32], comparesChecksums: Bool) -> Judgement {
        if usesShortcuts, a == b {
            statistics.identical += 1
            return .holds
        }
        let comparison = Condition.Comparison(
            a: BlockData(terms: a), b: BlockData(terms: b), comparesChecksums: comparesChecksums, differ: true)
        return isSatisfiable([], and: .comparison(comparison))
    }

    /// `body`'s answer, counted as one query and timed.
    func timed(_ body: () -> Judgement) -> Judgement {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            statistics.calls += 1
            let (seconds, attoseconds) = (clock.now - start).components
            statistics.seconds += Double(seconds) + Double(attoseconds) * 1e-18
        }
        return body()
    }

    /// The Boolean term that says the blocks `a` and `b` (or their checksums) differ.
    func difference(_ a: [Z3Term], _ b: [Z3Term], _ comparesChecksums: Bool) throws -> Z3Term {
        guard comparesChecksums else {
            return try context.or(zip(a, b).map { try $0.notEquals($1) })
        }
        switch checksum {
        case .crc32c where usesShortcuts && ConditionProjection.ChecksumFacts(checksum, over: geometry).isOneToOne:
            // The checksums of such blocks differ exactly when their words do: a question without CRC.
            return try context.or(zip(a, b).map { try $0.notEquals($1) })
        case .crc32c:
            // CRC is affine over GF(2): crc(a) == crc(b) iff crcLinear(a xor b) == 0, a form Z3 decides
            // in milliseconds where the direct comparison does not finish.
            let linear = try context.crc32cLinear(of: zip(a, b).map { try $0.xor($1) })
            return try linear.notEquals(try context.bitVector(0, bits: 32))
        case .uninterpreted:
            return try self.checksum(of: a).notEquals(try self.checksum(of: b))
        }
    }

    /// The term H(words) of the oracle's checksum kind.
    func checksum(of words: [Z3Term]) throws -> Z3Term {
        switch checksum {
        case .crc32c:
            return try context.crc32c(of: words)
        case .uninterpreted:
            let block = try words.dropFirst().reduce(words[0]) { try $0.concatenated(with: $1) }
            return try uninterpretedChecksum(block)
        }
    }

    func variable(_ id: Int) throws -> Z3Term {
        try context.constant(named: "w\(id)", sort: wordSort)
    }
}
