internal import CZ3

/// A Z3 sort (type of terms): Boolean, bit-vector of some width, or uninterpreted.
package struct Z3Sort {
    /// The reference-counted handle shared by copies of this sort.
    private let handle: Handle
    /// The width if this is a bit-vector sort, `nil` otherwise (Boolean or uninterpreted).
    package let bits: Int?
    /// Whether this is the Boolean sort.
    package let isBoolean: Bool

    /// Wraps a sort returned by Z3, taking a reference on it.
    init(context: Z3Context, raw: Z3_sort) {
        handle = Handle(context: context, raw: raw)
        switch Z3_get_sort_kind(context.raw, raw) {
        case Z3_BV_SORT:
            bits = Int(Z3_get_bv_sort_size(context.raw, raw))
            isBoolean = false
        case Z3_BOOL_SORT:
            bits = nil
            isBoolean = true
        default:
            bits = nil
            isBoolean = false
        }
    }

    /// The context that made this sort.
    package var context: Z3Context { handle.context }

    /// The underlying Z3 sort, valid while this value lives.
    var raw: Z3_sort { handle.raw }

    /// Owns one Z3 reference to a sort AST and a strong reference to its context.
    private final class Handle {
        let context: Z3Context
        let raw: Z3_sort

        init(context: Z3Context, raw: Z3_sort) {
            self.context = context
            self.raw = raw
            Z3_inc_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
        }

        deinit {
            Z3_dec_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
        }
    }
}

extension Z3Sort: Equatable {
    /// Whether both are the same sort of the same context.
    package static func == (lhs: Z3Sort, rhs: Z3Sort) -> Bool {
        lhs.context === rhs.context && Z3_is_eq_sort(lhs.context.raw, lhs.raw, rhs.raw)
    }
}

extension Z3Sort: CustomStringConvertible {
    /// The sort in SMT-LIB syntax, such as `Bool` or `(_ BitVec 32)`.
    package var description: String {
        withExtendedLifetime(handle) { String(cString: Z3_sort_to_string(context.raw, raw)) }
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Sort: Sendable {}
