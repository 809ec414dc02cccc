internal import CZ3

/// An incremental Z3 solver: assertions in push/pop scopes, checked for satisfiability.
///
/// Creating a solver costs milliseconds; keep one per thread and scope each query with push/pop.
package final class Z3Solver {
    /// The context that made this solver.
    package let context: Z3Context
    /// The underlying Z3 solver, on which this object holds one reference.
    let raw: Z3_solver

    /// A fresh solver; checks give up with `.unknown` after `timeoutMilliseconds` when given.
    package init(context: Z3Context, timeoutMilliseconds: UInt32? = nil) throws(Z3Error) {
        let raw = try context.checkedHandle(Z3_mk_solver(context.raw), from: "Z3_mk_solver")
        self.context = context
        self.raw = raw
        Z3_solver_inc_ref(context.raw, raw)
        if let timeoutMilliseconds {
            try setParameter("timeout", to: timeoutMilliseconds)
        }
    }

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// Sets the unsigned solver parameter `name` (such as `timeout`, in milliseconds) to `value`.
    package func setParameter(_ name: String, to value: UInt32) throws(Z3Error) {
        let parameters = try context.checkedHandle(Z3_mk_params(context.raw), from: "Z3_mk_params")
        Z3_params_inc_ref(context.raw, parameters)
        defer { Z3_params_dec_ref(context.raw, parameters) }
        Z3_params_set_uint(context.raw, parameters, Z3_mk_string_symbol(context.raw, name), value)
        try context.check(())
        Z3_solver_set_params(context.raw, raw, parameters)
        try context.check(())
    }

    /// Adds the Boolean `term` to the assertions of the current scope.
    package func assert(_ term: Z3Term) throws(Z3Error) {
        try context.requireOwned(term)
        Z3_solver_assert(context.raw, raw, term.raw)
        try context.check(())
    }

    /// Whether the assertions are satisfiable.
    package func check() throws(Z3Error) -> SatResult {
        try result(of: Z3_solver_check(context.raw, raw))
    }

    /// Whether the assertions together with the Boolean `assumptions` are satisfiable;
    /// the assumptions hold for this check only.
    package func check(assuming assumptions: [Z3Term]) throws(Z3Error) -> SatResult {
        for term in assumptions { try context.requireOwned(term) }
        let answer = withExtendedLifetime(assumptions) { () -> Z3_lbool in
            let arguments: [Z3_ast?] = assumptions.map(\.raw)
            return arguments.withUnsafeBufferPointer { buffer in
                Z3_solver_check_assumptions(context.raw, raw, UInt32(buffer.count), buffer.baseAddress)
            }
        }
        return try result(of: answer)
    }

    /// A model of the assertions; valid after a check answered `.sat`.
    package func model() throws(Z3Error) -> Z3Model {
        let model = try context.checkedHandle(Z3_solver_get_model(context.raw, raw), from: "Z3_solver_get_model")
        return Z3Model(context: context, raw: model)
    }

    /// Z3's explanation of the last `.unknown` answer (such as "timeout" or "canceled").
    package var reasonUnknown: String {
        String(cString: Z3_solver_get_reason_unknown(context.raw, raw))
    }

    /// Removes every assertion and scope.
    package func reset() {
        Z3_solver_reset(context.raw, raw)
    }

    /// Turns Z3's three-valued answer into a `SatResult`, after checking the call succeeded.
    private func result(of answer: Z3_lbool) throws(Z3Error) -> SatResult {
        switch try context.check(answer) {
        case Z3_L_TRUE: .sat
        case Z3_L_FALSE: .unsat
        default: .unknown(reason: reasonUnknown)
        }
    }
}

extension Z3Solver: CustomStringConvertible {
    /// The solver's assertions in SMT-LIB syntax.
    package var description: String {
        String(cString: Z3_solver_to_string(context.raw, raw))
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Solver: Sendable {}
