internal import CZ3

/// A satisfying assignment found by a solver, used to evaluate terms.
package final class Z3Model {
    /// The context that made this model.
    package let context: Z3Context
    /// The underlying Z3 model, on which this object holds one reference.
    let raw: Z3_model

    /// Wraps a model returned by Z3, taking a reference on it.
    init(context: Z3Context, raw: Z3_model) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_model_dec_ref(context.raw, raw)
    }

    /// The value of `term` in this model; with `completion`, unassigned constants get default values.
    package func evaluate(_ term: Z3Term, completion: Bool = true) throws(Z3Error) -> Z3Term {
        try context.requireOwned(term)
        var value: Z3_ast?
        let succeeded = try context.check(Z3_model_eval(context.raw, raw, term.raw, completion, &value))
        guard succeeded, let value else {
            throw Z3Error(code: .exception, message: "the model could not evaluate \(term)")
        }
        return Z3Term(context: context, raw: value)
    }

    /// The value of the bit-vector `term` in this model (completed), `nil` if it is not a numeral.
    package func unsignedValue(of term: Z3Term) throws(Z3Error) -> UInt64? {
        try evaluate(term, completion: true).unsignedValue
    }

    /// The value of the Boolean `term` in this model (completed), `nil` if it is not a literal.
    package func booleanValue(of term: Z3Term) throws(Z3Error) -> Bool? {
        try evaluate(term, completion: true).booleanValue
    }
}

extension Z3Model: CustomStringConvertible {
    /// The model's assignments, as Z3 prints them.
    package var description: String {
        String(cString: Z3_model_to_string(context.raw, raw))
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Model: Sendable {}
