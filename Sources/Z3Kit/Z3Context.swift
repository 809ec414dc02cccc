internal import CZ3

/// A Z3 context: the factory and owner of every sort, term, function, solver and model made from it.
///
/// A context is not thread-safe, so this type is deliberately not `Sendable`: use one context
/// (and one long-lived solver) per thread or task.
package final class Z3Context {
    /// The underlying reference-counted Z3 context.
    let raw: Z3_context

    /// A fresh reference-counted context whose errors are reported as thrown `Z3Error`s.
    package init() {
        let config = Z3_mk_config()
        defer { Z3_del_config(config) }
        guard let raw = Z3_mk_context_rc(config) else {
            fatalError("Z3_mk_context_rc failed to create a context")
        }
        // The default handler prints and calls exit(1); with none installed, errors are only recorded.
        Z3_set_error_handler(raw, nil)
        self.raw = raw
    }

    deinit {
        if let interruptResetSolver {
            Z3_solver_dec_ref(raw, interruptResetSolver)
        }
        Z3_del_context(raw)
    }

    /// An empty solver whose (cheap) check clears a pending interrupt; made on first use.
    private var interruptResetSolver: Z3_solver?

    /// Clears a `Z3_interrupt` left on this context: until its next check, a context stays canceled
    /// and model, evaluation and simplification calls fail.
    func clearInterrupt() {
        if interruptResetSolver == nil, let solver = Z3_mk_simple_solver(raw) {
            Z3_solver_inc_ref(raw, solver)
            interruptResetSolver = solver
        }
        guard let interruptResetSolver else { return }
        _ = Z3_solver_check(raw, interruptResetSolver)
        Z3_set_error(raw, Z3_OK)
    }

    // MARK: Sorts

    /// The Boolean sort.
    package func booleanSort() -> Z3Sort {
        Z3Sort(context: self, raw: Z3_mk_bool_sort(raw))
    }

    /// The sort of bit-vectors `bits` wide (at least 1).
    package func bitVectorSort(bits: Int) throws(Z3Error) -> Z3Sort {
        guard bits >= 1, bits <= Int(UInt32.max) else {
            throw Z3Error(code: .invalidArgument, message: "bit-vector width must be at least 1, got \(bits)")
        }
        let sort = try checkedHandle(Z3_mk_bv_sort(raw, UInt32(bits)), from: "Z3_mk_bv_sort")
        return Z3Sort(context: self, raw: sort)
    }

    /// An uninterpreted sort named `name` (same name, same sort).
    package func uninterpretedSort(named name: String) throws(Z3Error) -> Z3Sort {
        let symbol = Z3_mk_string_symbol(raw, name)
        let sort = try checkedHandle(Z3_mk_uninterpreted_sort(raw, symbol), from: "Z3_mk_uninterpreted_sort")
        return Z3Sort(context: self, raw: sort)
    }

    // MARK: Constants and literals

    /// The free constant named `name` of sort `sort` (same name and sort, same constant).
    package func constant(named name: String, sort: Z3Sort) throws(Z3Error) -> Z3Term {
        try requireOwned(sort)
        let symbol = Z3_mk_string_symbol(raw, name)
        return try term(Z3_mk_const(raw, symbol, sort.raw))
    }

    /// The bit-vector literal `value`, `bits` wide (1...64); `value` must fit in `bits`.
    package func bitVector(_ value: UInt64, bits: Int) throws(Z3Error) -> Z3Term {
        guard (1...64).contains(bits) else {
            throw Z3Error(code: .invalidArgument, message: "bit-vector literal width must be 1...64, got \(bits)")
        }
        guard bits == 64 || value >> UInt64(bits) == 0 else {
            throw Z3Error(code: .invalidArgument, message: "value \(value) does not fit in \(bits) bits")
        }
        let sort = try bitVectorSort(bits: bits)
        return try withExtendedLifetime(sort) { () throws(Z3Error) in
            try term(Z3_mk_unsigned_int64(raw, value, sort.raw))
        }
    }

    /// The Boolean literal `value`.
    package func boolean(_ value: Bool) -> Z3Term {
        Z3Term(context: self, raw: value ? Z3_mk_true(raw) : Z3_mk_false(raw))
    }

    /// An uninterpreted function named `name` from `domain` to `range`.
    package func function(named name: String, domain: [Z3Sort], range: Z3Sort) throws(Z3Error) -> Z3Function {
        for sort in domain { try requireOwned(sort) }
        try requireOwned(range)
        let symbol = Z3_mk_string_symbol(raw, name)
        let declaration = try withExtendedLifetime(domain) { () throws(Z3Error) -> Z3_func_decl in
            let sorts: [Z3_sort?] = domain.map(\.raw)
            let made = Z3_mk_func_decl(raw, symbol, UInt32(sorts.count), sorts, range.raw)
            return try checkedHandle(made, from: "Z3_mk_func_decl")
        }
        return Z3Function(context: self, raw: declaration, arity: domain.count)
    }

    // MARK: Boolean connectives

    /// The conjunction of `terms` (true when empty).
    package func and(_ terms: [Z3Term]) throws(Z3Error) -> Z3Term {
        try apply(terms) { context, count, arguments in Z3_mk_and(context, count, arguments) }
    }

    /// The conjunction of `terms` (true when empty).
    package func and(_ terms: Z3Term...) throws(Z3Error) -> Z3Term {
        try and(terms)
    }

    /// The disjunction of `terms` (false when empty).
    package func or(_ terms: [Z3Term]) throws(Z3Error) -> Z3Term {
        try apply(terms) { context, count, arguments in Z3_mk_or(context, count, arguments) }
    }

    /// The disjunction of `terms` (false when empty).
    package func or(_ terms: Z3Term...) throws(Z3Error) -> Z3Term {
        try or(terms)
    }

    /// True iff `terms` are pairwise different (true when fewer than two).
    package func distinct(_ terms: [Z3Term]) throws(Z3Error) -> Z3Term {
        guard terms.count >= 2 else {
            for term in terms { try requireOwned(term) }
            return boolean(true)
        }
        return try apply(terms) { context, count, arguments in Z3_mk_distinct(context, count, arguments) }
    }

    // MARK: Error checking (the one place Z3's error code is read)

    /// Returns `result` if the last Z3 call succeeded, else throws that call's error and clears it.
    func check<Result>(_ result: Result) throws(Z3Error) -> Result {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return result }
        let message = String(cString: Z3_get_error_msg(raw, code))
        Z3_set_error(raw, Z3_OK)
        throw Z3Error(code: Z3Error.Code(code), message: message)
    }

    /// Returns the handle made by the last Z3 call (`call`), after checking that the call succeeded.
    func checkedHandle<Handle>(_ handle: Handle?, from call: String) throws(Z3Error) -> Handle {
        guard let handle = try check(handle) else {
            throw Z3Error(code: .exception, message: "\(call) returned no result without reporting an error")
        }
        return handle
    }

    /// Wraps the AST returned by the last Z3 call, after checking that the call succeeded.
    func term(_ ast: Z3_ast?) throws(Z3Error) -> Z3Term {
        Z3Term(context: self, raw: try checkedHandle(ast, from: "a term constructor"))
    }

    /// Applies an n-ary Z3 constructor to `terms`, keeping them alive during the call.
    func apply(
        _ terms: [Z3Term],
        _ make: (Z3_context, UInt32, UnsafePointer<Z3_ast?>?) -> Z3_ast?
    ) throws(Z3Error) -> Z3Term {
        for term in terms { try requireOwned(term) }
        let ast = withExtendedLifetime(terms) { () -> Z3_ast? in
            let arguments: [Z3_ast?] = terms.map(\.raw)
            return arguments.withUnsafeBufferPointer { buffer in
                make(raw, UInt32(buffer.count), buffer.baseAddress)
            }
        }
        return try term(ast)
    }

    /// Throws unless `term` was made by this context (mixing contexts would crash Z3).
    func requireOwned(_ term: Z3Term) throws(Z3Error) {
        guard term.context === self else { throw foreignObject("term") }
    }

    /// Throws unless `sort` was made by this context (mixing contexts would crash Z3).
    func requireOwned(_ sort: Z3Sort) throws(Z3Error) {
        guard sort.context === self else { throw foreignObject("sort") }
    }

    private func foreignObject(_ kind: String) -> Z3Error {
        Z3Error(code: .invalidUsage, message: "a \(kind) from another Z3Context was used")
    }
}

@available(*, unavailable, message: "a Z3 context is not thread-safe; use one per thread")
extension Z3Context: Sendable {}
