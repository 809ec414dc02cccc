/// A satisfiability question in canonical form: every term renamed in order of first appearance, and
/// the structure of the path condition's clauses and of the formula. Two questions have one form
/// exactly when they are the same question up to the names of their variables, so an answer cached
/// for the form answers both.
struct ConditionQuestion: Hashable {
    /// The terms' new names, in order of appearance.
    private(set) var shape: [UInt32] = []
    /// Per clause its number of atoms, per atom or comparison its kind and both sides' lengths, per
    /// join its kind and number of parts: every count at full width, so none can alias another.
    private(set) var structure: [UInt32] = []
    /// Each term's new name; not part of the question's identity.
    private(set) var renaming: [UInt32: UInt32] = [:]

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.shape == rhs.shape && lhs.structure == rhs.structure }

    func hash(into hasher: inout Hasher) {
        hasher.combine(shape)
        hasher.combine(structure)
    }

    /// The marks that set the formula's parts apart from the clauses' atoms and from each other.
    private enum Mark: UInt32 {
        case clause = 0x100, atom, constantFalse, constantTrue, comparison, all, any
    }

    /// Adds a clause of the path condition: a disjunction of atoms.
    mutating func append(_ clause: SolverOracle.Clause) {
        structure += [Mark.clause.rawValue, UInt32(clause.count)]
        for atom in clause {
            structure.append(Mark.atom.rawValue)
            append(atom.flags, a: atom.a, b: atom.b)
        }
    }

    /// Adds `formula`.
    mutating func append(_ formula: Condition.Formula) {
        switch formula {
        case .constant(let value):
            structure.append((value ? Mark.constantTrue : Mark.constantFalse).rawValue)
        case .comparison(let comparison):
            structure.append(Mark.comparison.rawValue)
            append(comparison.flags, a: comparison.a.terms, b: comparison.b.terms)
        case .all(let parts), .any(let parts):
            structure += [(formula.isConjunction ? Mark.all : Mark.any).rawValue, UInt32(parts.count)]
            for part in parts { append(part) }
        }
    }

    /// Adds a comparison of kind `flags` (bit 0 differ, bit 1 checksums) between the words `a` and `b`.
    private mutating func append(_ flags: UInt32, a: [UInt32], b: [UInt32]) {
        structure += [flags, UInt32(a.count), UInt32(b.count)]
        for term in a + b {
            let id = renaming[term] ?? UInt32(renaming.count)
            renaming[term] = id
            shape.append(id)
        }
    }
}
