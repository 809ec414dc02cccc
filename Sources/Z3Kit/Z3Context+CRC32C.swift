internal import CZ3

extension Z3Context {
    /// CRC-32C (Castagnoli, reflected, poly 0x82F63B78, init 0xFFFFFFFF, final xor 0xFFFFFFFF) of the bit string made of
    /// `words` in order, each word's bits taken least-significant first (so for 8-bit multiples: little-endian bytes).
    /// Result: 32-bit bit-vector. Words are bit-vectors of any width, not necessarily equal.
    package func crc32c(of words: [Z3Term]) throws(Z3Error) -> Z3Term {
        let bits = try messageBits(of: words)
        let linear = try crc32cLinear(ofBits: bits)
        // CRC is affine over GF(2): crc(x) = crcLinear(x) xor crc(0...0) for inputs of the same length.
        let zeroMessageCRC = Self.softwareCRC32COfZeros(count: bits.count)
        guard zeroMessageCRC != 0 else { return linear }
        return try linear.xor(bitVector(UInt64(zeroMessageCRC), bits: 32))
    }

    /// The linear part: CRC with init 0 and no final xor. For equal-length inputs crc32c(a) == crc32c(b) iff
    /// crc32cLinear(a xor b) == 0. Result: 32-bit bit-vector.
    package func crc32cLinear(of words: [Z3Term]) throws(Z3Error) -> Z3Term {
        try crc32cLinear(ofBits: messageBits(of: words))
    }

    /// The Boolean term crc32c(of: a) == crc32c(of: b), written in the linear form crcLinear(a xor b) == 0
    /// (bit by bit, so word layouts may differ) when both messages have the same length, which Z3 decides
    /// in milliseconds where the plain equation of two CRCs does not finish.
    package func crc32cEquals(_ a: [Z3Term], _ b: [Z3Term]) throws(Z3Error) -> Z3Term {
        let bitsA = try messageBits(of: a)
        let bitsB = try messageBits(of: b)
        guard bitsA.count == bitsB.count else {
            return try crc32c(of: a).equals(crc32c(of: b))
        }
        var difference: [Z3Term] = []
        difference.reserveCapacity(bitsA.count)
        for (bitA, bitB) in zip(bitsA, bitsB) {
            difference.append(try bitA.xor(bitB))
        }
        return try crc32cLinear(ofBits: difference).equals(bitVector(0, bits: 32))
    }

    /// The 1-bit terms of the message, in the order the CRC consumes them.
    private func messageBits(of words: [Z3Term]) throws(Z3Error) -> [Z3Term] {
        var bits: [Z3Term] = []
        for word in words {
            try requireOwned(word)
            let width = try word.bitVectorWidth()
            for index in 0..<width {
                bits.append(try word.extract(high: index, low: index))
            }
        }
        return bits
    }

    /// The linear CRC of `bits`: the bitwise register loop, one step per message bit, from the zero register.
    ///
    /// Measured (32-bit injectivity, unsat): this loop takes about 0.15 s, while the "flat" forms did not
    /// finish in 10 s, namely xor over i of ite(x_i, C_i, 0) and per-output-bit xors of message bits
    /// (even written as a sparse bit-level register). Z3's rewriter flattens nested xors of bits into 32
    /// dense parities, which CDCL handles badly; the `ite` on the register's low bit stops that
    /// flattening, so each step stays a small local constraint and `register == 0` propagates back
    /// through the steps. (The slow "naive CRC" in the notes was this loop on crc(a) == crc(b): two
    /// unrelated circuits. In the linear form on a xor b there is one.)
    private func crc32cLinear(ofBits bits: [Z3Term]) throws(Z3Error) -> Z3Term {
        let one = try bitVector(1, bits: 1)
        let zero = try bitVector(0, bits: 32)
        let zeroHigh = try bitVector(0, bits: 31)
        let polynomial = try bitVector(UInt64(Self.crc32cPolynomial), bits: 32)
        var register = zero
        for bit in bits {
            let fed = try register.xor(zeroHigh.concatenated(with: bit))
            let feedback = try fed.extract(high: 0, low: 0).equals(one).ifThenElse(polynomial, zero)
            register = try fed.shiftRight(1).xor(feedback)
        }
        return register
    }

    /// The reflected CRC-32C polynomial.
    private static let crc32cPolynomial: UInt32 = 0x82F6_3B78

    /// The CRC register after consuming one zero bit.
    private static func crc32cZeroStep(_ register: UInt32) -> UInt32 {
        register & 1 == 1 ? (register >> 1) ^ crc32cPolynomial : register >> 1
    }

    /// CRC-32C of a message of `count` zero bits.
    private static func softwareCRC32COfZeros(count: Int) -> UInt32 {
        var register: UInt32 = 0xFFFF_FFFF
        for _ in 0..<count { register = crc32cZeroStep(register) }
        return register ^ 0xFFFF_FFFF
    }
}
