internal import CZ3

extension Z3Term {
    /// The negation of this Boolean term.
    package func not() throws(Z3Error) -> Z3Term {
        try context.term(Z3_mk_not(context.raw, raw))
    }

    /// The term `self implies other` (both Boolean).
    package func implies(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try context.requireOwned(other)
        return try context.term(Z3_mk_implies(context.raw, raw, other.raw))
    }

    /// The term `self iff other` (both Boolean).
    package func iff(_ other: Z3Term) throws(Z3Error) -> Z3Term {
        try context.requireOwned(other)
        return try context.term(Z3_mk_iff(context.raw, raw, other.raw))
    }
}
