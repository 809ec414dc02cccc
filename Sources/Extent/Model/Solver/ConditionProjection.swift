/// A state's path condition brought to a smaller equivalent one: equivalent for every question the
/// search can still ask of it, which names only the state's own words (the *live* variables) and
/// words not yet made.
///
/// A variable no slot holds any more never comes back: steps copy slots and make fresh words. So
/// the path condition `P` may be replaced by any `Q` with `∃dead. P ≡ ∃dead. Q` over the live
/// variables, and the state has the same successors, judgements and traces. Three rules do that,
/// each exactly:
///
/// - **Equal words are one word.** A clause that is a single equality the checksum cannot hide
///   (words, or checksums where H is one-to-one) makes its sides' variables one, kept as one name
///   in the slots and the condition.
/// - **A free word satisfies its clause.** A dead variable that occurs in one clause only can be
///   given the value that makes one of that clause's atoms true: that clause is dropped.
/// - **Conditions only on the dead are dropped.** Clauses joined by shared variables to no live
///   one are satisfiable (the state was reached) whatever the live words are.
struct ConditionProjection {
    /// What the checksum lets the rules conclude from a comparison of checksums.
    struct ChecksumFacts {
        /// H is one fixed function (CRC-32C), so conditions on disjoint variables never constrain each
        /// other; an uninterpreted H is one unknown function for all, which narrow words can pin.
        var isFixed: Bool
        /// Equal checksums mean equal words: CRC-32C of at most 32 bits, whose linear part m·x³² mod g
        /// is zero for no m ≠ 0 of degree below 32 (g has degree 32 and a constant term). The oracle
        /// asks such comparisons as comparisons of words.
        var isOneToOne: Bool
        /// Changing one word changes the checksum: CRC-32C is affine, with no word in its kernel.
        var changesWithEveryWord: Bool
        /// One word of a block takes the checksum to every value: CRC-32C with words of 32 bits or more.
        var oneWordReachesEveryValue: Bool

        /// What `checksum` guarantees over blocks of `geometry`.
        ///
        /// CRC-32C is affine over GF(2): a change δ of one word moves the checksum by δ·xᵏ mod g for
        /// some k, which is zero only if g divides δ, so never while words have at most 32 bits; with
        /// 32 bits or more the moves take every value. An uninterpreted H promises nothing.
        init(_ checksum: ChecksumKind, over geometry: Geometry) {
            let isCRC = checksum == .crc32c
            isFixed = isCRC
            isOneToOne = isCRC && geometry.wordBits * geometry.blockWords <= 32
            changesWithEveryWord = isCRC && geometry.wordBits <= 32
            oneWordReachesEveryValue = isCRC && geometry.wordBits >= 32
        }
    }

    /// The name each merged variable takes: the variables of an equality, one of them for all.
    private(set) var substitution: [UInt32: UInt32] = [:]
    /// The clauses left, with `substitution` applied.
    private(set) var clauses: [SolverOracle.Clause]

    private let isLive: (UInt32) -> Bool
    private let checksum: ChecksumFacts

    /// The projection of `clauses` for a state whose slots hold the variables `isLive` accepts.
    init(_ clauses: [SolverOracle.Clause], checksum: ChecksumFacts, isLive: @escaping (UInt32) -> Bool) {
        self.clauses = clauses
        self.checksum = checksum
        self.isLive = isLive
        simplifyAtoms()
        mergeEqualWords()
        dropFreelySatisfiedClauses()
        dropConditionsOnlyOnTheDead()
    }

    /// Whether `word` names a variable: `StateLayout.none` is no word.
    private static func isVariable(_ word: UInt32) -> Bool { word != StateLayout.none }

    /// Drops clauses with an atom that holds whatever the values (identical sides equal), atoms that
    /// never hold (identical sides differ) and an atom's repeats in its clause (two mirrors that
    /// received the same words).
    private mutating func simplifyAtoms() {
        clauses = clauses.compactMap { clause in
            if clause.contains(where: { !$0.differ && $0.a == $0.b }) { return nil }
            var atoms: SolverOracle.Clause = []
            for atom in clause where !(atom.differ && atom.a == atom.b) && !atoms.contains(atom) { atoms.append(atom) }
            return atoms
        }
    }

    /// Applies every unit equality that means equal words, until none is left.
    private mutating func mergeEqualWords() {
        while let index = clauses.firstIndex(where: { $0.count == 1 && meansEqualWords($0[0]) }) {
            let atom = clauses.remove(at: index)[0]
            var merged: [UInt32: UInt32] = [:]
            for (a, b) in zip(atom.a, atom.b) {
                let (a, b) = (Self.name(a, in: merged), Self.name(b, in: merged))
                guard a != b else { continue }
                // A live name is kept, so that the slots lose no word; else the smaller.
                let keepsB = isLive(b) != isLive(a) ? isLive(b) : b < a
                merged[keepsB ? a : b] = keepsB ? b : a
            }
            apply(merged)
            simplifyAtoms()
        }
    }

    /// The name `word` ends at, following `merged` from each replaced variable to the one kept.
    private static func name(_ word: UInt32, in merged: [UInt32: UInt32]) -> UInt32 {
        var word = word
        while let next = merged[word] { word = next }
        return word
    }

    /// Whether `atom` is an equality that holds exactly when its sides' words are equal.
    private func meansEqualWords(_ atom: SolverOracle.Atom) -> Bool {
        !atom.differ && atom.a.count == atom.b.count && (!atom.comparesChecksums || checksum.isOneToOne)
            && (atom.a + atom.b).allSatisfy(Self.isVariable)
    }

    /// Renames by `merged` (each replaced variable to the one kept), following chains, in the clauses
    /// and in the substitution made so far.
    private mutating func apply(_ merged: [UInt32: UInt32]) {
        func name(_ word: UInt32) -> UInt32 { Self.name(word, in: merged) }
        for key in substitution.keys { substitution[key] = name(substitution[key]!) }
        for (replaced, _) in merged { substitution[replaced] = name(replaced) }
        clauses = clauses.map { clause in
            clause.map { SolverOracle.Atom(flags: $0.flags, a: $0.a.map(name), b: $0.b.map(name)) }
        }
    }

    /// Drops every clause one of whose atoms a dead variable of that clause alone can make true, until
    /// none is left.
    private mutating func dropFreelySatisfiedClauses() {
        var dropped = true
        while dropped {
            dropped = false
            let occurrences = clauseCounts()
            func isFree(_ word: UInt32) -> Bool {
                Self.isVariable(word) && !isLive(word) && occurrences[word] == 1
            }
            if let index = clauses.firstIndex(where: { $0.contains { atom in isSatisfiable(atom, choosing: isFree) } }) {
                clauses.remove(at: index)
                dropped = true
            }
        }
    }

    /// In how many clauses each variable occurs.
    private func clauseCounts() -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for clause in clauses {
            for word in Set(clause.flatMap { $0.a + $0.b }) { counts[word, default: 0] += 1 }
        }
        return counts
    }

    /// Whether values of the free variables of `atom` (those `isFree` accepts) make it true whatever
    /// the values of the others.
    private func isSatisfiable(_ atom: SolverOracle.Atom, choosing isFree: (UInt32) -> Bool) -> Bool {
        let sides = atom.a + atom.b
        func occursOnce(_ word: UInt32) -> Bool { isFree(word) && sides.lazy.filter { $0 == word }.count == 1 }
        let someFreeWord = sides.contains(where: occursOnce)
        if atom.differ {
            // Words differ where one free word does; checksums where one word moves the checksum.
            if !atom.comparesChecksums { return zip(atom.a, atom.b).contains { $0 != $1 && (occursOnce($0) || occursOnce($1)) } }
            return checksum.changesWithEveryWord && someFreeWord
        }
        // Equal words where each pair is the same word or has a free one to copy the other.
        let wordwise = atom.a.count == atom.b.count && zip(atom.a, atom.b).allSatisfy { $0 == $1 || occursOnce($0) || occursOnce($1) }
        if !atom.comparesChecksums || wordwise { return wordwise }
        return checksum.oneWordReachesEveryValue && someFreeWord
    }

    /// Drops the clauses that no chain of shared variables joins to a live variable, unless they compare
    /// checksums of an uninterpreted H.
    private mutating func dropConditionsOnlyOnTheDead() {
        var parent: [UInt32: UInt32] = [:]
        func root(_ word: UInt32) -> UInt32 {
            var word = word
            while let next = parent[word], next != word { word = next }
            return word
        }
        let variables = clauses.map { $0.flatMap { $0.a + $0.b }.filter(Self.isVariable) }
        for words in variables {
            guard let first = words.first else { continue }
            for word in words { parent[word] = parent[word] ?? word }
            for word in words.dropFirst() where root(word) != root(first) { parent[root(word)] = root(first) }
        }
        var keptRoots = Set(variables.joined().filter(isLive).map(root))
        if !checksum.isFixed {
            for (clause, words) in zip(clauses, variables) where clause.contains(where: \.comparesChecksums) {
                keptRoots.formUnion(words.map(root))
            }
        }
        clauses = zip(clauses, variables).compactMap { clause, words in
            words.contains { keptRoots.contains(root($0)) } ? clause : nil
        }
    }
}
