public import Explorer
internal import Z3Kit

extension SolverOracle {
    /// Concrete values for symbolic words: what a counterexample shows.
    public struct Witness: Sendable {
        /// The value of each variable.
        public var values: [UInt32: UInt64]
        /// The checksum H of each requested list of variables.
        public var checksums: [[UInt32]: UInt64]
    }

    /// A difference a witness must exhibit: blocks `a` and `b` differ, or their checksums do.
    public struct Difference: Hashable, Sendable {
        /// One block's words.
        public var a: [UInt32]
        /// The other block's words.
        public var b: [UInt32]
        /// Whether the checksums differ, rather than the words.
        public var comparesChecksums: Bool

        /// Creates a difference.
        public init(_ a: [UInt32], _ b: [UInt32], comparesChecksums: Bool) {
            self.a = a
            self.b = b
            self.comparesChecksums = comparesChecksums
        }
    }

    /// `.violated` when some value of the variables makes the difference real, `.holds` when none does.
    public func canDiffer(_ difference: Difference) -> Judgement {
        difference.comparesChecksums
            ? checksumsCanDiffer(difference.a, difference.b) : wordsCanDiffer(difference.a, difference.b)
    }

    /// Values for `variables` under which every difference holds, with the checksums of `checksummed`.
    ///
    /// Z3 is asked first for pairwise distinct values, which read more easily in a trace; where the
    /// word width leaves too few values, for any values. Nil when no values exist.
    public func witness(
        variables: [UInt32], differences: [Difference], checksummed: [[UInt32]]
    ) throws -> Witness? {
        let terms = try Dictionary(uniqueKeysWithValues: variables.map { ($0, try variable(Int($0))) })
        let required = try differences.map { difference in
            let a = difference.a.map { terms[$0]! }
            let b = difference.b.map { terms[$0]! }
            return difference.comparesChecksums
                ? try checksum(of: a).notEquals(try checksum(of: b))
                : try context.or(zip(a, b).map { try $0.notEquals($1) })
        }
        var attempts: [[Z3Term]] = [required]
        if variables.count > 1 {
            attempts.insert(required + [try context.distinct(variables.map { terms[$0]! })], at: 0)
        }
        for assertions in attempts {
            let witness: Witness? = try solver.withScope {
                for assertion in assertions { try solver.assert(assertion) }
                guard try solver.check() == .sat else { return nil }
                let model = try solver.model()
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
}
