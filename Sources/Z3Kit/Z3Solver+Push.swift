internal import CZ3

extension Z3Solver {
    /// Opens a scope: assertions added from now on are removed by the matching `pop`.
    package func push() {
        Z3_solver_push(context.raw, raw)
    }

    /// Closes the innermost `levels` scopes, removing their assertions; `levels` <= `scopeCount`.
    package func pop(_ levels: Int = 1) {
        precondition(
            levels >= 0 && levels <= scopeCount,
            "pop(\(levels)) with only \(scopeCount) open scopes"
        )
        Z3_solver_pop(context.raw, raw, UInt32(levels))
    }

    /// The number of open scopes.
    package var scopeCount: Int {
        Int(Z3_solver_get_num_scopes(context.raw, raw))
    }

    /// Runs `body` inside a fresh scope, which is popped when `body` returns or throws.
    package func withScope<R>(_ body: () throws -> R) rethrows -> R {
        push()
        defer { pop() }
        return try body()
    }
}
