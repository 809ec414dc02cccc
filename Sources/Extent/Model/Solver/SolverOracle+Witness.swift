@_spi(Search) internal import Explorer
internal import Z3Kit

extension SolverOracle {
    /// Concrete values for symbolic words: what a counterexample shows.
    package struct Witness: Sendable {
        /// The value of each variable.
        package var values: [UInt32: UInt64]
        /// The checksum H of each requested list of variables.
        package var checksums: [[UInt32]: UInt64]
    }

    /// Values for `variables` under which `exhibited` and every clause of `conditions` hold, with the
    /// checksums of `checksummed`.
    ///
    /// Fixed, well-spread values are tried first, then pairwise distinct values where the words can
    /// hold them, then any values; with `given`, only those values. Nil when none are found.
    func witness(
        variables: [UInt32], exhibiting exhibited: Condition.Formula?, conditions: [Clause] = [], checksummed: [[UInt32]],
        given: [UInt32: UInt64]? = nil
    ) throws -> Witness? {
        let terms = try Dictionary(uniqueKeysWithValues: variables.map { ($0, try variable(Int($0))) })
        var required = try exhibited.map { [try term(of: $0) { terms[$0]! }] } ?? []
        if !conditions.isEmpty { required.append(try formula(conditions) { terms[$0]! }) }
        // First fixed, well-spread values (three spreads), which Z3 only has to evaluate: on wide blocks
        // a search for values can take minutes where checking given ones takes milliseconds. Then
        // distinct values, where the words are wide enough to hold them, for a few seconds at most
        // (narrow words make it a pigeonhole problem); then any values.
        var attempts: [(assertions: [Z3Term], assumptions: [Z3Term], milliseconds: UInt32?)] = []
        if let given {
            let values = try variables.map { id in
                try terms[id]!.equals(try context.bitVector(given[id] ?? 0, bits: geometry.wordBits))
            }
            attempts.append((required, values, timeoutMilliseconds))
        }
        for seed in UInt64(0)..<3 where given == nil {
            let spread = try variables.map { id in
                try terms[id]!.equals(
                    try context.bitVector(Self.spreadValue(id, seed: seed, bits: geometry.wordBits), bits: geometry.wordBits))
            }
            attempts.append((required, spread, timeoutMilliseconds))
        }
        if given == nil, variables.count > 1, UInt64(variables.count - 1) >> UInt64(geometry.wordBits) == 0 {
            let distinct = try context.distinct(variables.map { terms[$0]! })
            attempts.append((required + [distinct], [], min(timeoutMilliseconds ?? .max, 5_000)))
        }
        if given == nil { attempts.append((required, [], timeoutMilliseconds)) }
        // A solver of its own: after the search's many push/pop queries, the long-lived solver was
        // measured to take minutes over checks a fresh one answers at once.
        let witnessSolver = try Z3Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
        for (assertions, assumptions, milliseconds) in attempts {
            witnessSolver.timeoutMilliseconds = milliseconds
            let witness: Witness? = try witnessSolver.withScope {
                for assertion in assertions { try witnessSolver.assert(assertion) }
                guard try witnessSolver.check(assuming: assumptions) == .sat else { return nil }
                let model = try witnessSolver.model()
                var values: [UInt32: UInt64] = [:]
                for (id, term) in terms { values[id] = try model.unsignedValue(of: term) ?? 0 }
                var checksums: [[UInt32]: UInt64] = [:]
                for words in checksummed {
                    checksums[words] = try model.unsignedValue(of: try checksum(of: words.map { terms[$0]! })) ?? 0
                }
                return Witness(values: values, checksums: checksums)
            }
            if let witness { return witness }
        }
        return nil
    }

    /// A value for variable `id` that looks like data: splitmix64 of the id and `seed`, cut to `bits`.
    static func spreadValue(_ id: UInt32, seed: UInt64, bits: Int) -> UInt64 {
        var z = (UInt64(id) | seed << 32) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bits == 64 ? z : z & ((1 << UInt64(bits)) - 1)
    }
}
