internal import CZ3

/// A Z3 term (expression) of some sort, owned by its context.
///
/// Terms are hash-consed by Z3: `==` and `hash(into:)` compare structure (the same expression built
/// twice is `==`), not meaning; use `equals(_:)` for the logical equation.
package final class Z3Term {
    /// The context that made this term.
    package let context: Z3Context
    /// The underlying Z3 AST, on which this object holds one reference.
    let raw: Z3_ast

    /// Wraps an AST returned by Z3, taking a reference on it.
    init(context: Z3Context, raw: Z3_ast) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_dec_ref(context.raw, raw)
    }

    /// The sort of this term.
    package var sort: Z3Sort {
        Z3Sort(context: context, raw: Z3_get_sort(context.raw, raw))
    }

    /// The bit-vector width of this term, `nil` if it is not a bit-vector.
    package var bits: Int? {
        sort.bits
    }

    /// The term `self == other` (both of the same sort).
    package func equals(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try context.requireOwned(other)
        return try context.term(Z3_mk_eq(context.raw, raw, other.raw))
    }

    /// The term `self != other` (both of the same sort).
    package func notEquals(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try context.distinct([self, other])
    }

    /// The term `if self then then else else`; `self` is Boolean, the branches share a sort.
    package func ifThenElse(_ then: Z3Term, _ else: Z3Term) throws(Z3Error) -> Z3Term {
        try context.requireOwned(then)
        try context.requireOwned(`else`)
        return try context.term(Z3_mk_ite(context.raw, raw, then.raw, `else`.raw))
    }

    /// Z3's simplification of this term (a numeral when the term is closed); `self` if Z3 fails.
    package func simplified() -> Z3Term {
        guard let result = try? context.term(Z3_simplify(context.raw, raw)) else { return self }
        return result
    }

    /// The value of a bit-vector numeral term, `nil` for any other term.
    package var unsignedValue: UInt64? {
        guard Z3_is_numeral_ast(context.raw, raw) else { return nil }
        var value: UInt64 = 0
        let succeeded = Z3_get_numeral_uint64(context.raw, raw, &value)
        guard (try? context.check(succeeded)) == true else { return nil }
        return value
    }

    /// The value of a Boolean literal term (`true`/`false`), `nil` for any other term.
    package var booleanValue: Bool? {
        switch Z3_get_bool_value(context.raw, raw) {
        case Z3_L_TRUE: true
        case Z3_L_FALSE: false
        default: nil
        }
    }
}

extension Z3Term: CustomStringConvertible {
    /// The term in SMT-LIB syntax.
    package var description: String {
        String(cString: Z3_ast_to_string(context.raw, raw))
    }
}

extension Z3Term: Hashable {
    /// Whether both are structurally the same term of the same context (not logical equality).
    package static func == (lhs: Z3Term, rhs: Z3Term) -> Bool {
        lhs.context === rhs.context && Z3_is_eq_ast(lhs.context.raw, lhs.raw, rhs.raw)
    }

    /// Hashes the term's structure, consistently with `==`.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(Z3_get_ast_id(context.raw, raw))
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Term: Sendable {}
