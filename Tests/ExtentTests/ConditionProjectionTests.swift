@_spi(Search) import Explorer
@_spi(Search) @testable import Extent
import Testing

/// A path condition's projection must answer every question about the live words as the whole
/// condition does: Z3 decides both, on random conditions, for checksums that promise much and none.
@Suite struct ConditionProjectionTests {
    typealias Atom = SolverOracle.Atom

    static let geometries: [(Geometry, ChecksumKind)] = [
        (Geometry(blockWords: 1, wordBits: 32), .crc32c),
        (Geometry(blockWords: 2, wordBits: 16), .crc32c),
        (Geometry(blockWords: 2, wordBits: 32), .crc32c),
        (Geometry(blockWords: 1, wordBits: 2), .crc32c),
        (Geometry(blockWords: 1, wordBits: 32), .uninterpreted),
        (Geometry(blockWords: 1, wordBits: 1), .uninterpreted),
        (Geometry(blockWords: 2, wordBits: 2), .uninterpreted),
    ]

    @Test(arguments: geometries.indices)
    func projectionAnswersEveryQuestionOnLiveWordsAsTheWholeConditionDoes(geometry index: Int) throws {
        let (geometry, checksum) = Self.geometries[index]
        // Questions Z3 does not answer within a budget of its own steps (CRC-32C collisions of 64-bit
        // blocks) are left out: the same ones on any machine and under any load, as a time limit's are not.
        let oracle = try SolverOracle(geometry: geometry, checksum: checksum)
        try oracle.solver.setParameter("rlimit", to: Self.resourceLimit)
        var generator = SeededGenerator(seed: 0xC0DE + UInt64(index))
        var (compared, shrunk) = (0, 0)
        // CRC-32C on 64-bit blocks makes Z3 work: fewer conditions there.
        let conditions = geometry.wordBits * geometry.blockWords > 32 ? 15 : 400
        for _ in 0..<conditions {
            let live = Set((0..<UInt32(6)).filter { _ in Bool.random(using: &generator) })
            let clauses = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (0..<Int.random(in: 1...2, using: &generator)).map { _ in Self.atom(geometry, using: &generator) }
            }
            guard oracle.isSatisfiable(clauses) == .violated else { continue }
            let projection = ConditionProjection(clauses, checksum: .init(checksum, over: geometry), isLive: live.contains)
            if projection.clauses.count < clauses.count { shrunk += 1 }
            let rename = { (word: UInt32) in projection.substitution[word] ?? word }
            let projected = projection.clauses.flatMap { $0.flatMap { $0.a + $0.b } }
            #expect(projected.allSatisfy { projection.substitution[$0] == nil })
            for _ in 0..<8 {
                let question = Self.atom(geometry, over: Array(live) + [6, 7], using: &generator)
                let renamed = Atom(flags: question.flags, a: question.a.map(rename), b: question.b.map(rename))
                let whole = oracle.isSatisfiable(clauses + [[question]])
                let part = oracle.isSatisfiable(projection.clauses + [[renamed]])
                if case .unknown = whole { continue }
                if case .unknown = part { continue }
                #expect(whole == part, "\(clauses) projected \(projection.clauses) \(projection.substitution), asked \(question)")
                compared += 1
            }
        }
        // The rules do apply: many random conditions lose a clause.
        #expect(compared > 3 * conditions && shrunk > conditions / 4, "\(compared) questions, \(shrunk) conditions shrunk")
    }

    /// Z3's budget of its own steps for one question: on CRC-32C of 64-bit blocks it answers 77
    /// questions, where the test asks for more than 45, in a few seconds; the rest are unknown.
    static var resourceLimit: UInt32 { 200_000 }

    /// A random comparison of two blocks over the variables `words` (the dead ones 0..<6 by default).
    static func atom(_ geometry: Geometry, over words: [UInt32] = Array(0..<6), using generator: inout SeededGenerator) -> Atom {
        func side() -> [UInt32] { (0..<geometry.blockWords).map { _ in words.randomElement(using: &generator)! } }
        return Atom(
            differ: Bool.random(using: &generator), comparesChecksums: Bool.random(using: &generator), a: side(), b: side())
    }

    @Test func equalWordsBecomeOneLiveName() {
        let facts = ConditionProjection.ChecksumFacts(.crc32c, over: Geometry())
        // 5 == 2 (checksums, one-to-one on one word), 2 dead: the live 5 names both; 1 != 5 stays.
        let projection = ConditionProjection(
            [[Atom(differ: false, comparesChecksums: true, a: [2], b: [5])], [Atom(differ: true, comparesChecksums: true, a: [1], b: [2])]],
            checksum: facts, isLive: { [1, 5].contains($0) })
        #expect(projection.substitution == [2: 5])
        #expect(projection.clauses == [[Atom(differ: true, comparesChecksums: true, a: [1], b: [5])]])
    }

    @Test func anUninterpretedChecksumKeepsItsEqualities() {
        let facts = ConditionProjection.ChecksumFacts(.uninterpreted, over: Geometry())
        let equal = [[Atom(differ: false, comparesChecksums: true, a: [2], b: [5])]]
        let projection = ConditionProjection(equal, checksum: facts, isLive: { [2, 5].contains($0) })
        #expect(projection.substitution.isEmpty && projection.clauses == equal)
    }
}

extension ConditionProjectionTests {
    /// With 1-bit words, H(x) = H(y) for x ≠ y makes an uninterpreted H constant, which a condition on
    /// dead words alone (H(d₁) ≠ H(d₂)) rules out: that condition must stay.
    @Test func narrowWordsKeepConditionsOnAnUninterpretedChecksumOfDeadWords() throws {
        let geometry = Geometry(blockWords: 1, wordBits: 1)
        let oracle = try SolverOracle(geometry: geometry, checksum: .uninterpreted)
        let clauses = [[Atom(differ: true, comparesChecksums: true, a: [0], b: [1])], [Atom(differ: true, comparesChecksums: false, a: [2], b: [3])]]
        let question = Atom(differ: false, comparesChecksums: true, a: [2], b: [3])
        let projection = ConditionProjection(clauses, checksum: .init(.uninterpreted, over: geometry), isLive: { $0 >= 2 })
        #expect(oracle.isSatisfiable(clauses + [[question]]) == .holds)
        #expect(oracle.isSatisfiable(projection.clauses + [[question]]) == .holds)
    }
}
