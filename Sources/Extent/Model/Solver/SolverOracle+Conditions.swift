@_spi(Search) internal import Explorer
internal import Z3Kit

extension SolverOracle {
    /// A comparison of two blocks' words, or of their checksums: the atoms of path conditions (§8).
    struct Atom: Hashable, Sendable {
        /// Whether the atom says the two sides differ; else it says they are equal.
        var differ: Bool
        /// Whether the checksums H(a) and H(b) are compared, rather than the words.
        var comparesChecksums: Bool
        var a: [UInt32]
        var b: [UInt32]

        /// The atom's kind as one word, as states and question shapes store it: bit 0 differ, bit 1 checksums.
        var flags: UInt32 { (differ ? 1 : 0) | (comparesChecksums ? 2 : 0) }

        init(differ: Bool, comparesChecksums: Bool, a: [UInt32], b: [UInt32]) {
            self.differ = differ
            self.comparesChecksums = comparesChecksums
            self.a = a
            self.b = b
        }

        /// The atom whose kind is `flags`, as `flags` gives it.
        init(flags: UInt32, a: [UInt32], b: [UInt32]) {
            self.init(differ: flags & 1 != 0, comparesChecksums: flags & 2 != 0, a: a, b: b)
        }
    }

    /// A disjunction of atoms; a path condition is a conjunction of clauses.
    typealias Clause = [Atom]
}

extension Condition.Formula {
    /// The conjunction of `clauses`, each the disjunction of its atoms (not folded: the oracle asks
    /// every atom it is given).
    init(_ clauses: [SolverOracle.Clause]) {
        self = .all(
            clauses.map { clause in
                .any(
                    clause.map { atom in
                        .comparison(
                            Condition.Comparison(
                                a: BlockData(terms: atom.a), b: BlockData(terms: atom.b),
                                comparesChecksums: atom.comparesChecksums, differ: atom.differ))
                    })
            })
    }
}

extension SolverOracle {
    /// `.violated` when some value of the variables satisfies every clause and `formula`, `.holds` when
    /// none does.
    ///
    /// Questions are asked once per shape (every term renamed in order of first appearance, with the
    /// structure of the clauses and the formula) when the oracle uses shortcuts.
    func isSatisfiable(_ clauses: [Clause], and formula: Condition.Formula = .constant(true)) -> Judgement {
        var question = ConditionQuestion()
        for clause in clauses { question.append(clause) }
        question.append(formula)
        if usesShortcuts, let cached = conditionCache[question] {
            statistics.cacheHits += 1
            return cached
        }
        let answer = timed {
            do {
                let variables = try (0..<question.renaming.count).map { try variable($0) }
                let term: (UInt32) -> Z3Term = { variables[Int(question.renaming[$0]!)] }
                let asserted = try context.and([try self.formula(clauses, term: term), try self.term(of: formula, term: term)])
                return try solver.withScope {
                    try solver.assert(asserted)
                    switch try solver.check() {
                    case .sat: return Judgement.violated
                    case .unsat: return .holds
                    case .unknown(let reason): return .unknown(reason: "Z3 answered unknown: \(reason)")
                    }
                }
            } catch {
                return .unknown(reason: "Z3 failed: \(error)")
            }
        }
        // A timeout, say, is not kept: a later state may still get a definite answer.
        if usesShortcuts, answer == .holds || answer == .violated { conditionCache[question] = answer }
        return answer
    }

    /// Whether an outcome whose conditions are `clauses` is possible. Where Z3 cannot tell, the outcome is
    /// explored (so that nothing reachable is missed) and counted in `statistics.undecidedOutcomes`: a
    /// violation found then may not be real, and the checker reports it unknown.
    func branchIsPossible(_ clauses: [Clause]) -> Bool {
        switch isSatisfiable(clauses) {
        case .violated: return true
        case .holds: return false
        case .unknown:
            statistics.undecidedOutcomes += 1
            return true
        }
    }

    /// The Boolean term that says every clause holds, with `term` giving each word's variable.
    func formula(_ clauses: [Clause], term: (UInt32) throws -> Z3Term) throws -> Z3Term {
        try self.term(of: Condition.Formula(clauses), term: term)
    }

    /// The Boolean term of `formula`, with `term` giving each word's variable.
    func term(of formula: Condition.Formula, term: (UInt32) throws -> Z3Term) throws -> Z3Term {
        switch formula {
        case .constant(let value):
            return context.boolean(value)
        case .comparison(let comparison):
            let differ = try difference(
                try comparison.a.terms.map(term), try comparison.b.terms.map(term), comparison.comparesChecksums)
            return comparison.differ ? differ : try differ.not()
        case .all(let parts):
            return try context.and(try parts.map { try self.term(of: $0, term: term) })
        case .any(let parts):
            return try context.or(try parts.map { try self.term(of: $0, term: term) })
        }
    }
}
