internal import CZ3

/// An incremental Z3 solver: assertions in push/pop scopes, checked for satisfiability.
///
/// Creating a solver costs milliseconds; keep one per thread and scope each query with push/pop.
package final class Z3Solver {
    /// The context that made this solver.
    package let context: Z3Context
    /// The underlying Z3 solver, on which this object holds one reference.
    let raw: Z3_solver

    /// A fresh solver; checks give up with `.unknown(reason: "timeout")` after `timeoutMilliseconds` when given.
    package init(context: Z3Context, timeoutMilliseconds: UInt32? = nil) throws(Z3Error) {
        let raw = try context.checkedHandle(Z3_mk_solver(context.raw), from: "Z3_mk_solver")
        self.context = context
        self.raw = raw
        self.timeoutMilliseconds = timeoutMilliseconds
        Z3_solver_inc_ref(context.raw, raw)
        // By default Z3 installs a SIGINT handler of its own for the length of every check: a Ctrl-C
        // would cancel that one query, never reaching the program's handler, and checks on several
        // threads could leave either handler behind. The program keeps SIGINT to itself.
        try setParameters { parameters, name in Z3_params_set_bool(context.raw, parameters, name("ctrl_c"), false) }
    }

    /// The time budget of each check in milliseconds (`nil`: none); an overrun answers `.unknown(reason: "timeout")`.
    ///
    /// Enforced by Z3Kit (see `Z3Watchdog`), not by Z3's `timeout` parameter, which can hang in libz3 4.8.12
    /// when several threads use it (`setParameter` refuses that parameter).
    package var timeoutMilliseconds: UInt32?

    /// Interrupts checks that overrun `timeoutMilliseconds`; made on first use.
    private lazy var watchdog = Z3Watchdog(context: context.raw)

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// Sets the unsigned solver parameter `name` (such as `rlimit`, a deterministic resource budget) to `value`.
    /// The `timeout` parameter is refused: use `timeoutMilliseconds`.
    package func setParameter(_ name: String, to value: UInt32) throws(Z3Error) {
        guard name != "timeout" else {
            throw Z3Error(code: .invalidUsage, message: "set timeoutMilliseconds instead of Z3's timeout parameter")
        }
        try setParameters { parameters, symbol in Z3_params_set_uint(context.raw, parameters, symbol(name), value) }
    }

    /// Sets the parameters `fill` puts into a fresh parameter set, given it and a way to name a parameter.
    private func setParameters(_ fill: (Z3_params, (String) -> Z3_symbol?) -> Void) throws(Z3Error) {
        let parameters = try context.checkedHandle(Z3_mk_params(context.raw), from: "Z3_mk_params")
        Z3_params_inc_ref(context.raw, parameters)
        defer { Z3_params_dec_ref(context.raw, parameters) }
        fill(parameters) { Z3_mk_string_symbol(context.raw, $0) }
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
        try timed { Z3_solver_check(context.raw, raw) }
    }

    /// Whether the assertions together with the Boolean `assumptions` are satisfiable;
    /// the assumptions hold for this check only.
    package func check(assuming assumptions: [Z3Term]) throws(Z3Error) -> SatResult {
        for term in assumptions { try context.requireOwned(term) }
        return try withExtendedLifetime(assumptions) { () throws(Z3Error) -> SatResult in
            let arguments: [Z3_ast?] = assumptions.map(\.raw)
            return try arguments.withUnsafeBufferPointer { buffer throws(Z3Error) -> SatResult in
                try timed {
                    Z3_solver_check_assumptions(context.raw, raw, UInt32(buffer.count), buffer.baseAddress)
                }
            }
        }
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

    /// Runs the Z3 check `body` under the time budget and turns its answer into a `SatResult`.
    private func timed(_ body: () -> Z3_lbool) throws(Z3Error) -> SatResult {
        guard let timeoutMilliseconds else { return try result(of: body(), timedOut: false) }
        let (answer, interrupted) = watchdog.run(milliseconds: timeoutMilliseconds, body)
        let checked = Result { () throws(Z3Error) in try result(of: answer, timedOut: interrupted) }
        if interrupted {
            // An interrupt leaves the context canceled until its next check (later model or simplify
            // calls would fail), including one that landed just after the check had finished.
            context.clearInterrupt()
        }
        return try checked.get()
    }

    /// Turns Z3's three-valued answer into a `SatResult`, after checking the call succeeded.
    private func result(of answer: Z3_lbool, timedOut: Bool) throws(Z3Error) -> SatResult {
        switch try context.check(answer) {
        case Z3_L_TRUE: .sat
        case Z3_L_FALSE: .unsat
        default: .unknown(reason: timedOut ? "timeout" : reasonUnknown)
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
