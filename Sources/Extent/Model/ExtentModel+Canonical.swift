extension ExtentModel {
    /// The state with its symbolic variables renamed in order of first appearance, so that states
    /// that differ only by the names of their variables are equal. Concrete states are returned as they are.
    func canonical(_ state: ExtentState) -> ExtentState {
        var result = state
        canonicalize(&result)
        return result
    }

    /// Renames `state`'s variables in order of first appearance, in place where it carries no path
    /// condition: what the search does to every symbolic successor.
    func canonicalize(_ state: inout ExtentState) {
        guard concreteValues == nil else { return }
        if state.slots.count > layout.count, !isProjected(state) {
            state = projectingCondition(of: state)
        }
        if state.slots.count > layout.count {
            state = canonicalWithCondition(state)
            return
        }
        let (wordBase, count) = (layout.wordBase, layout.count)
        let wordSlots = count - wordBase
        state.slots.withUnsafeMutableBufferPointer { slots in
            // The explorer's states name their variables below the number of word slots, and a fresh
            // one `fresh`: a table indexed by name renames them. Replayed traces use larger names.
            var fitsTable = true
            for slot in wordBase..<count {
                let word = slots[slot]
                if word != StateLayout.none, word != StateLayout.fresh, Int(word) >= wordSlots {
                    fitsTable = false
                    break
                }
            }
            guard fitsTable else {
                var renaming: [UInt32: UInt32] = [:]
                for slot in wordBase..<count where slots[slot] != StateLayout.none {
                    let word = slots[slot]
                    let name = renaming[word] ?? UInt32(renaming.count)
                    renaming[word] = name
                    slots[slot] = name
                }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: wordSlots + 1) { renaming in
                renaming.initialize(repeating: StateLayout.none)
                var next: UInt32 = 0
                for slot in wordBase..<count {
                    let word = slots[slot]
                    guard word != StateLayout.none else { continue }
                    let index = word == StateLayout.fresh ? wordSlots : Int(word)
                    if renaming[index] == StateLayout.none {
                        renaming[index] = next
                        next += 1
                    }
                    slots[slot] = renaming[index]
                }
            }
        }
    }

    /// A state with a path condition, renamed: the fixed slots in order of first appearance as always,
    /// then the condition's clauses put in a fixed order and its other variables (those no slot holds
    /// any more) named in order of first appearance there.
    ///
    /// Atoms are oriented and sorted within a clause, and clauses sorted and made unique, by their
    /// terms with the slots' variables renamed and every other variable as one placeholder (the
    /// condition is projected first: no atom compares identical terms). Two states that differ only in
    /// how variables of their conditions alone are named can still be counted twice when their
    /// placeholders tie: the count may be larger than the least, never a verdict different.
    private func canonicalWithCondition(_ state: ExtentState) -> ExtentState {
        var renaming: [UInt32: UInt32] = [:]
        var result = state
        for slot in layout.wordBase..<layout.count where state[slot] != StateLayout.none {
            let word = state[slot]
            let name = renaming[word] ?? UInt32(renaming.count)
            renaming[word] = name
            result[slot] = name
        }
        let live = renaming
        let placeholder = StateLayout.fresh - 1
        func key(_ terms: [UInt32]) -> [UInt32] { terms.map { live[$0] ?? placeholder } }
        // Each atom's and clause's key computed once: the projection left no atom on identical sides.
        let ordered = pathCondition(of: state).map { clause in
            let atoms = clause.map { atom in
                var atom = atom
                let (a, b) = (key(atom.a), key(atom.b))
                guard b.lexicographicallyPrecedes(a) else { return (key: [atom.flags] + a + b, atom: atom) }
                swap(&atom.a, &atom.b)
                return (key: [atom.flags] + b + a, atom: atom)
            }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            return (key: [UInt32(atoms.count)] + atoms.flatMap(\.key), clause: atoms.map(\.atom))
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var unique: [SolverOracle.Clause] = []
        for (_, clause) in ordered where !unique.contains(clause) { unique.append(clause) }
        func name(_ term: UInt32) -> UInt32 {
            if let name = renaming[term] { return name }
            let name = UInt32(renaming.count)
            renaming[term] = name
            return name
        }
        let renamed = unique.map { clause in
            clause.map { SolverOracle.Atom(flags: $0.flags, a: $0.a.map(name), b: $0.b.map(name)) }
        }
        return setting(renamed, in: result)
    }
}
