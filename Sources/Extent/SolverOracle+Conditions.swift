internal import Explorer
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

    /// `.violated` when some value of the variables satisfies every clause, `.holds` when none does.
    ///
    /// Questions are asked once per shape (every term renamed in order of first appearance, with the
    /// clauses' structure) when the oracle uses shortcuts.
    func isSatisfiable(_ clauses: [Clause]) -> Judgement {
        var renaming: [UInt32: UInt16] = [:]
        var shape: [UInt16] = []
        var structure: [UInt8] = []
        for clause in clauses {
            structure.append(UInt8(truncatingIfNeeded: clause.count))
            for atom in clause {
                structure.append(UInt8(atom.flags) | UInt8(truncatingIfNeeded: atom.a.count) << 2)
                for term in atom.a + atom.b {
                    let id = renaming[term] ?? UInt16(truncatingIfNeeded: renaming.count)
                    renaming[term] = id
                    shape.append(id)
                }
            }
        }
        let question = ConditionQuestion(shape: shape, structure: structure)
        if usesShortcuts, let cached = conditionCache[question] {
            statistics.cacheHits += 1
            return cached
        }
        let answer = timed {
            do {
                let variables = try (0..<renaming.count).map { try variable($0) }
                let formula = try self.formula(clauses) { variables[Int(renaming[$0]!)] }
                return try solver.withScope {
                    try solver.assert(formula)
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
        try context.and(
            clauses.map { clause in
                try context.or(
                    clause.map { atom in
                        let differ = try difference(try atom.a.map(term), try atom.b.map(term), atom.comparesChecksums)
                        return atom.differ ? differ : try differ.not()
                    })
            })
    }

    /// `.violated` when some value of the variables that satisfies `conditions` makes the difference
    /// real, `.holds` when none does.
    func canDiffer(_ difference: Difference, given conditions: [Clause]) -> Judgement {
        guard !conditions.isEmpty else { return canDiffer(difference) }
        if usesShortcuts, difference.a == difference.b {
            statistics.identical += 1
            return .holds
        }
        return isSatisfiable(
            conditions + [[Atom(differ: true, comparesChecksums: difference.comparesChecksums, a: difference.a, b: difference.b)]])
    }
}

/// A satisfiability question in canonical form: the terms renamed, and the clauses' structure.
struct ConditionQuestion: Hashable {
    var shape: [UInt16]
    var structure: [UInt8]
}
