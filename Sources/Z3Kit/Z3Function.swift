internal import CZ3

/// An uninterpreted function symbol, applied to terms to make terms.
package final class Z3Function {
    /// The context that made this function.
    package let context: Z3Context
    /// The number of arguments the function takes.
    package let arity: Int
    /// The underlying Z3 declaration, on which this object holds one reference.
    let raw: Z3_func_decl

    /// Wraps a declaration returned by Z3, taking a reference on it.
    init(context: Z3Context, raw: Z3_func_decl, arity: Int) {
        self.context = context
        self.raw = raw
        self.arity = arity
        Z3_inc_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw))
    }

    deinit {
        Z3_dec_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw))
    }

    /// The application of this function to `arguments` (one per domain sort, in order).
    package func callAsFunction(_ arguments: [Z3Term]) throws(Z3Error) -> Z3Term {
        guard arguments.count == arity else {
            throw Z3Error(
                code: .invalidArgument,
                message: "function \(self) takes \(arity) arguments, got \(arguments.count)"
            )
        }
        return try context.apply(arguments) { context, count, arguments in
            Z3_mk_app(context, raw, count, arguments)
        }
    }

    /// The application of this function to `arguments` (one per domain sort, in order).
    package func callAsFunction(_ arguments: Z3Term...) throws(Z3Error) -> Z3Term {
        try callAsFunction(arguments)
    }
}

extension Z3Function: CustomStringConvertible {
    /// The declaration in SMT-LIB syntax.
    package var description: String {
        String(cString: Z3_func_decl_to_string(context.raw, raw))
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Function: Sendable {}
