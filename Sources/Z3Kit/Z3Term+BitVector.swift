internal import CZ3

extension Z3Term {
    // MARK: Bitwise

    /// The bitwise xor of two bit-vectors of equal width.
    package func xor(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvxor)
    }

    /// The bitwise and of two bit-vectors of equal width (for Booleans see `Z3Context.and`).
    package func and(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvand)
    }

    /// The bitwise or of two bit-vectors of equal width (for Booleans see `Z3Context.or`).
    package func or(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvor)
    }

    /// The bitwise complement of this bit-vector.
    package func complemented() throws(Z3Error) -> Z3Term {
        try context.term(Z3_mk_bvnot(context.raw, raw))
    }

    /// This bit-vector shifted right by `bits` (logical: zeros enter at the top); `bits` >= 0.
    package func shiftRight(_ bits: Int) throws(Z3Error) -> Z3Term {
        try shift(by: bits, Z3_mk_bvlshr)
    }

    /// This bit-vector shifted left by `bits` (zeros enter at the bottom); `bits` >= 0.
    package func shiftLeft(_ bits: Int) throws(Z3Error) -> Z3Term {
        try shift(by: bits, Z3_mk_bvshl)
    }

    // MARK: Slicing

    /// Bits `high` down to `low` (inclusive, 0 is least significant) of this bit-vector.
    package func extract(high: Int, low: Int) throws(Z3Error) -> Z3Term {
        let width = try bitVectorWidth()
        guard 0 <= low, low <= high, high < width else {
            throw Z3Error(
                code: .invalidArgument,
                message: "extract(high: \(high), low: \(low)) out of range for a \(width)-bit vector"
            )
        }
        return try context.term(Z3_mk_extract(context.raw, UInt32(high), UInt32(low), raw))
    }

    /// The bit-vector whose high part is `self` and low part is `other`.
    package func concatenated(with other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_concat)
    }

    /// This bit-vector widened by `bits` zero bits at the top; `bits` >= 0.
    package func zeroExtended(by bits: Int) throws(Z3Error) -> Z3Term {
        guard bits >= 0, bits <= Int(UInt32.max) else {
            throw Z3Error(code: .invalidArgument, message: "zero extension by \(bits) bits")
        }
        return try context.term(Z3_mk_zero_ext(context.raw, UInt32(bits), raw))
    }

    // MARK: Arithmetic (modulo 2^width)

    /// The sum of two bit-vectors of equal width, modulo 2^width.
    package func plus(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvadd)
    }

    /// The difference of two bit-vectors of equal width, modulo 2^width.
    package func minus(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvsub)
    }

    /// The product of two bit-vectors of equal width, modulo 2^width.
    package func times(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvmul)
    }

    // MARK: Unsigned comparison

    /// The Boolean term `self < other`, both read as unsigned bit-vectors of equal width.
    package func unsignedLessThan(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvult)
    }

    /// The Boolean term `self <= other`, both read as unsigned bit-vectors of equal width.
    package func unsignedLessThanOrEqual(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvule)
    }

    /// The Boolean term `self > other`, both read as unsigned bit-vectors of equal width.
    package func unsignedGreaterThan(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvugt)
    }

    /// The Boolean term `self >= other`, both read as unsigned bit-vectors of equal width.
    package func unsignedGreaterThanOrEqual(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try binary(other, Z3_mk_bvuge)
    }

    // MARK: Helpers

    /// The width of this term, throwing a sort error if it is not a bit-vector.
    func bitVectorWidth() throws(Z3Error) -> Int {
        guard let width = bits else {
            throw Z3Error(code: .sortError, message: "expected a bit-vector term, got \(sort): \(self)")
        }
        return width
    }

    /// Applies a binary Z3 constructor to `self` and `other`.
    private func binary(
        _ other: Z3Term,
        _ make: (Z3_context?, Z3_ast?, Z3_ast?) -> Z3_ast?
    ) throws(Z3Error) -> Z3Term {
        try context.requireOwned(other)
        return try context.term(make(context.raw, raw, other.raw))
    }

    /// Shifts by a constant amount with `make` (`Z3_mk_bvlshr` or `Z3_mk_bvshl`).
    private func shift(
        by amount: Int,
        _ make: (Z3_context?, Z3_ast?, Z3_ast?) -> Z3_ast?
    ) throws(Z3Error) -> Z3Term {
        let width = try bitVectorWidth()
        guard amount >= 0 else {
            throw Z3Error(code: .invalidArgument, message: "negative shift amount \(amount)")
        }
        let sort = self.sort
        // Amounts of the full width or more give zero; they may not even fit in `width` bits.
        let distance = amount >= width ? nil : UInt64(amount)
        return try withExtendedLifetime(sort) { () throws(Z3Error) in
            let zeroOrDistance = try context.term(Z3_mk_unsigned_int64(context.raw, distance ?? 0, sort.raw))
            guard distance != nil else { return zeroOrDistance }
            return try context.term(make(context.raw, raw, zeroOrDistance.raw))
        }
    }
}
