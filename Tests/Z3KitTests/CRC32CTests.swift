import Testing
import Z3Kit

/// A word of a CRC message: `bits` wide, value `value`.
private struct Word {
    var value: UInt64
    var bits: Int
}

/// Bit-at-a-time reference CRC-32C (reflected, poly 0x82F63B78), each word's bits least-significant first.
private func softwareCRC32C(_ words: [Word], initial: UInt32 = 0xFFFF_FFFF, finalXor: UInt32 = 0xFFFF_FFFF) -> UInt32 {
    var register = initial
    for word in words {
        for index in 0..<word.bits {
            register ^= UInt32(truncatingIfNeeded: word.value >> UInt64(index)) & 1
            register = register & 1 == 1 ? (register >> 1) ^ 0x82F6_3B78 : register >> 1
        }
    }
    return register ^ finalXor
}

/// The linear part of the reference CRC: init 0, no final xor.
private func softwareCRC32CLinear(_ words: [Word]) -> UInt32 {
    softwareCRC32C(words, initial: 0, finalXor: 0)
}

/// A random word of `bits` bits.
private func randomWord(bits: Int, using generator: inout SplitMix64) -> Word {
    let value = generator.next()
    return Word(value: bits == 64 ? value : value & ((1 << UInt64(bits)) - 1), bits: bits)
}

/// The literals of `words` in `context`.
private func literals(_ words: [Word], in context: Z3Context) throws -> [Z3Term] {
    try words.map { try context.bitVector($0.value, bits: $0.bits) }
}

/// Z3's CRC-32C of literal words, folded to a number.
private func z3CRC32C(_ words: [Word], in context: Z3Context) throws -> UInt64 {
    try #require(context.crc32c(of: literals(words, in: context)).simplified().unsignedValue)
}

/// Z3's linear CRC of literal words, folded to a number.
private func z3CRC32CLinear(_ words: [Word], in context: Z3Context) throws -> UInt64 {
    try #require(context.crc32cLinear(of: literals(words, in: context)).simplified().unsignedValue)
}

private let checkMessage = Array("123456789".utf8).map { Word(value: UInt64($0), bits: 8) }

@Suite("CRC-32C")
struct CRC32CTests {
    @Test("the software reference gives the standard check value")
    func referenceCheckValue() {
        #expect(softwareCRC32C(checkMessage) == 0xE306_9283)
        #expect(softwareCRC32C([]) == 0)
    }

    @Test("the check value of \"123456789\" as nine 8-bit words, by simplification")
    func checkValueBySimplification() throws {
        let context = Z3Context()
        #expect(try z3CRC32C(checkMessage, in: context) == 0xE306_9283)
        let crc = try context.crc32c(of: literals(checkMessage, in: context))
        #expect(crc.sort == (try context.bitVectorSort(bits: 32)))
    }

    @Test("the check value of \"123456789\", by evaluating a model of constrained words")
    func checkValueByModel() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let byte = try context.bitVectorSort(bits: 8)
        let words = try (0..<9).map { try context.constant(named: "m\($0)", sort: byte) }
        for (word, value) in zip(words, checkMessage) {
            try solver.assert(word.equals(context.bitVector(value.value, bits: 8)))
        }
        #expect(try solver.check() == .sat)
        #expect(try solver.model().unsignedValue(of: context.crc32c(of: words)) == 0xE306_9283)
    }

    @Test("the CRC of no words is the CRC of the empty message")
    func emptyMessage() throws {
        let context = Z3Context()
        #expect(try z3CRC32C([], in: context) == 0)
        #expect(try z3CRC32CLinear([], in: context) == 0)
    }

    @Test("random single 32-bit words match the software CRC")
    func randomSingleWords() throws {
        let context = Z3Context()
        var generator = SplitMix64(seed: 0x32)
        for _ in 0..<200 {
            let word = randomWord(bits: 32, using: &generator)
            #expect(try z3CRC32C([word], in: context) == UInt64(softwareCRC32C([word])), "word \(word.value)")
        }
    }

    @Test(
        "random multi-word blocks match the software CRC",
        arguments: [[32, 32], [16, 16, 16, 16], [8, 8, 8], [12], [12, 12, 12], [7, 13], [5, 64, 1, 33], [64, 64, 64, 64]]
    )
    func randomBlocks(widths: [Int]) throws {
        let context = Z3Context()
        var generator = SplitMix64(seed: UInt64(widths.reduce(0, +)))
        for _ in 0..<25 {
            let words = widths.map { randomWord(bits: $0, using: &generator) }
            #expect(try z3CRC32C(words, in: context) == UInt64(softwareCRC32C(words)), "words \(words)")
            #expect(try z3CRC32CLinear(words, in: context) == UInt64(softwareCRC32CLinear(words)), "words \(words)")
        }
    }

    @Test("crc(a) == crc(b) iff crcLinear(a xor b) == 0, on random and on colliding pairs")
    func linearIdentityOnPairs() throws {
        let context = Z3Context()
        var generator = SplitMix64(seed: 0x1D)
        for round in 0..<100 {
            let a = [randomWord(bits: 32, using: &generator), randomWord(bits: 32, using: &generator)]
            // Every other pair collides: the difference is the 33-bit generator polynomial shifted by `shift`
            // positions of the (least-significant-first) bit stream, a multiple of the generator.
            let shift = UInt64(round % 32)
            let difference = round.isMultiple(of: 2)
                ? (1 << shift) | (UInt64(0x82F6_3B78) << (shift + 1))
                : generator.next()
            let b = [
                Word(value: a[0].value ^ (difference & 0xFFFF_FFFF), bits: 32),
                Word(value: a[1].value ^ (difference >> 32), bits: 32),
            ]
            let xor = zip(a, b).map { Word(value: $0.value ^ $1.value, bits: 32) }
            let crcA = try z3CRC32C(a, in: context)
            let crcB = try z3CRC32C(b, in: context)
            let linear = try z3CRC32CLinear(xor, in: context)
            #expect((crcA == crcB) == (linear == 0))
            #expect(crcA ^ crcB == linear)
            #expect((crcA == crcB) == round.isMultiple(of: 2))
        }
    }

    @Test("Z3 inverts the CRC of one 32-bit word: the preimage is found and is unique")
    func preimageOfOneWord() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = Word(value: 0xDEAD_BEEF, bits: 32)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 32))
        try solver.assert(context.crc32c(of: [x]).equals(context.bitVector(UInt64(softwareCRC32C([word])), bits: 32)))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().unsignedValue(of: x) == word.value)
        try solver.assert(x.notEquals(context.bitVector(word.value, bits: 32)))
        #expect(try solver.check() == .unsat)
    }

    @Test("Z3 proves the CRC of one 32-bit word injective (linear form)")
    func injectivityOnOneWord() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = try context.bitVectorSort(bits: 32)
        let a = try context.constant(named: "a", sort: word)
        let b = try context.constant(named: "b", sort: word)
        try solver.assert(context.crc32cLinear(of: [a.xor(b)]).equals(context.bitVector(0, bits: 32)))
        try solver.assert(a.notEquals(b))
        #expect(try solver.check() == .unsat)
    }

    @Test("crc32cEquals proves injectivity on one 32-bit word and relates different word layouts")
    func equalsHelper() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = try context.bitVectorSort(bits: 32)
        let half = try context.bitVectorSort(bits: 16)
        let a = try context.constant(named: "a", sort: word)
        let b = try context.constant(named: "b", sort: word)
        try solver.withScope {
            try solver.assert(context.crc32cEquals([a], [b]))
            try solver.assert(a.notEquals(b))
            #expect(try solver.check() == .unsat)
        }
        // The same message split into two 16-bit words has the same CRC, and no other split does.
        let low = try context.constant(named: "low", sort: half)
        let high = try context.constant(named: "high", sort: half)
        try solver.withScope {
            try solver.assert(context.crc32cEquals([a], [low, high]))
            try solver.assert(high.concatenated(with: low).notEquals(a))
            #expect(try solver.check() == .unsat)
        }
        // Messages of different lengths fall back to the plain equation of the two CRCs.
        let c = try context.bitVector(0x3132_3334, bits: 32)
        let nine = try checkMessage.map { try context.bitVector($0.value, bits: 8) }
        let equal = try context.crc32cEquals([c], nine).simplified()
        #expect(equal.booleanValue == false)
        let same = try context.crc32cEquals(nine, nine).simplified()
        #expect(same.booleanValue == true)
    }

    @Test("Z3 finds a collision on two 32-bit words, confirmed by the software CRC")
    func collisionOnTwoWords() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = try context.bitVectorSort(bits: 32)
        let a = try [context.constant(named: "a0", sort: word), context.constant(named: "a1", sort: word)]
        let b = try [context.constant(named: "b0", sort: word), context.constant(named: "b1", sort: word)]
        let xor = try zip(a, b).map { try $0.xor($1) }
        try solver.assert(context.crc32cLinear(of: xor).equals(context.bitVector(0, bits: 32)))
        try solver.assert(context.or(a[0].notEquals(b[0]), a[1].notEquals(b[1])))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        let valuesA = try a.map { Word(value: try #require(try model.unsignedValue(of: $0)), bits: 32) }
        let valuesB = try b.map { Word(value: try #require(try model.unsignedValue(of: $0)), bits: 32) }
        #expect(valuesA.map(\.value) != valuesB.map(\.value))
        #expect(softwareCRC32C(valuesA) == softwareCRC32C(valuesB))
        #expect(try model.unsignedValue(of: context.crc32c(of: a)) == UInt64(softwareCRC32C(valuesA)))
    }
}
