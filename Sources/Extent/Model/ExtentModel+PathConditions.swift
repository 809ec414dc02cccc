/// Path conditions (§8): with symbolic data, a check at `complete` compares words, so its outcome
/// depends on them. Each outcome is a successor only where its condition is satisfiable together
/// with the state's path condition, and the condition joins it.
///
/// A state's path condition is a conjunction of clauses, each a disjunction of checksum
/// comparisons, kept in the state's slots after the fixed layout: per clause its number of atoms,
/// then per atom a flags word (differ, compares checksums) and the two sides' words. Concrete
/// states and states no check has branched have none, so their slots are as before.
extension ExtentModel {
    /// The clauses of `state`'s path condition, in order.
    func pathCondition(of state: ExtentState) -> [SolverOracle.Clause] {
        var clauses: [SolverOracle.Clause] = []
        var slot = layout.count
        let words = geometry.blockWords
        while slot < state.slots.count {
            let count = Int(state[slot])
            slot += 1
            var clause: SolverOracle.Clause = []
            for _ in 0..<count {
                let flags = state[slot]
                let a = Array(state.slots[(slot + 1)..<(slot + 1 + words)])
                let b = Array(state.slots[(slot + 1 + words)..<(slot + 1 + 2 * words)])
                clause.append(SolverOracle.Atom(flags: flags, a: a, b: b))
                slot += 1 + 2 * words
            }
            clauses.append(clause)
        }
        return clauses
    }

    /// `state` with `clauses` as its path condition, replacing any it had.
    func setting(_ clauses: [SolverOracle.Clause], in state: ExtentState) -> ExtentState {
        var slots = Array(state.slots[..<layout.count])
        for clause in clauses {
            slots.append(UInt32(clause.count))
            for atom in clause {
                slots.append(atom.flags)
                slots += atom.a
                slots += atom.b
            }
        }
        return ExtentState(slots: slots)
    }

    /// Whether the `complete` of `owner`'s bio verifies its checksums against the source first: a direct
    /// bio that carries checksums, under `verify: after-dma` (a bounce copy cannot change; a fallen-back
    /// write is written back from the page cache, which the verify of Direct I/O does not cover).
    func verifies(_ owner: BioOwner) -> Bool {
        guard policy.verify == .afterDMA, case .writer = owner else { return false }
        return directIOPath == .direct && checksums(owner)
    }

    /// Whether the device checks what it received for `owner`'s bio against its checksums: any bio
    /// that carries checksums, under `device-check: guard`.
    func guards(_ owner: BioOwner) -> Bool {
        policy.deviceCheck == .guard && checksums(owner)
    }

    /// The pairs a check of the `complete` of `owner` compares, H(data) against the bio's checksum, in a
    /// fixed order: the verify's (of a direct bio), then the device guard's, block by block.
    func checkedPairs(_ owner: BioOwner, range: IORange, in state: ExtentState) -> [(data: [UInt32], checksum: [UInt32])] {
        guard shape.checksCompletions else { return [] }
        func words(_ place: StateLayout.Place) -> [UInt32] { self.words(place, in: state) }
        var pairs: [(data: [UInt32], checksum: [UInt32])] = []
        if verifies(owner) {
            for index in 0..<range.blocks {
                pairs.append((words(source(of: owner, range: range, index)), words(.bioChecksum(owner, index: index))))
            }
        }
        if guards(owner) {
            for mirror in 0..<geometry.mirrors {
                for index in 0..<range.blocks {
                    pairs.append((words(.bioReceived(owner, mirror: mirror, index: index)), words(.bioChecksum(owner, index: index))))
                }
            }
        }
        return pairs
    }

    /// The conditions of the two outcomes of a check on `pairs`: every pair has equal checksums (the
    /// `complete` succeeds), or one has not (it fails).
    private func outcomeConditions(
        _ pairs: [(data: [UInt32], checksum: [UInt32])]
    ) -> (succeeds: [SolverOracle.Clause], fails: [SolverOracle.Clause]) {
        func atom(_ pair: (data: [UInt32], checksum: [UInt32]), differ: Bool) -> SolverOracle.Atom {
            SolverOracle.Atom(differ: differ, comparesChecksums: true, a: pair.data, b: pair.checksum)
        }
        return (pairs.map { [atom($0, differ: false)] }, [pairs.map { atom($0, differ: true) }])
    }

    /// The checked pairs whose two sides are different terms: a pair of the same terms is equal
    /// whatever the values, so it is in no condition.
    private func differingPairs(_ owner: BioOwner, range: IORange, in state: ExtentState) -> [(data: [UInt32], checksum: [UInt32])] {
        checkedPairs(owner, range: range, in: state).filter { $0.data != $0.checksum }
    }

    /// The outcomes a fully transferred bio's `complete` can have in `state`: whether it can succeed,
    /// and whether it can fail. Concrete words are compared (H is injective there); symbolic ones are
    /// decided by the oracle with the state's path condition. With shortcuts, a check whose pairs are
    /// all the same terms succeeds without a query; without, Z3 decides every pair. A model that takes
    /// every check's outcome lets a check of any pair in concrete mode do both.
    func outcomes(of owner: BioOwner, range: IORange, in state: ExtentState) -> (succeeds: Bool, fails: Bool) {
        guard concreteValues == nil || !shape.takesEveryCheckOutcome else {
            return (true, !checkedPairs(owner, range: range, in: state).isEmpty)
        }
        let differing = differingPairs(owner, range: range, in: state)
        guard concreteValues == nil else { return differing.isEmpty ? (true, false) : (false, true) }
        guard let oracle else { preconditionFailure("a data-dependent check in symbolic mode needs the model's oracle") }
        let asked = oracle.usesShortcuts ? differing : checkedPairs(owner, range: range, in: state)
        guard !asked.isEmpty else { return (true, false) }
        let conditions = outcomeConditions(asked)
        let path = pathCondition(of: state)
        return (oracle.branchIsPossible(path + conditions.succeeds), oracle.branchIsPossible(path + conditions.fails))
    }

    /// The state `action` leads to from `state`: `apply`'s, with what §8's mechanisms add to a step,
    /// where the policy has them: a `writeback`'s copy of its folio, and the condition a checked
    /// `complete`'s outcome assumes of symbolic words. Kept out of `apply`, which every model runs for
    /// every transition: there these few lines slowed every model, though only a few policies use them.
    @inline(__always)
    func step(_ action: ExtentAction, from state: ExtentState, fresh: UInt32) -> ExtentState {
        var next = apply(action, to: state, fresh: fresh)
        guard shape.extendsSteps else { return next }
        if layout.writebackCopies, case .writeback(let block) = action {
            copy(.folio(block), of: state, to: .writebackCopy(block), in: &next)
        }
        return shape.branchesOnData ? assumingOutcome(of: action, from: state, in: next) : next
    }

    /// `next` with what the outcome `action` (from `state`) assumes of the words, in symbolic mode: a
    /// checked `complete`'s, a read's `check`'s or a `scrub`'s. Out of line: most models have no checks.
    @inline(never)
    private func assumingOutcome(of action: ExtentAction, from state: ExtentState, in next: ExtentState) -> ExtentState {
        guard concreteValues == nil else { return next }
        switch action {
        case .complete(let owner), .failedCompletion(let owner):
            let added = condition(of: action, range: range(of: owner, in: state)!, in: state)
            return added.isEmpty ? next : setting(pathCondition(of: next) + added, in: next)
        case .check, .scrub:
            let added = readCondition(of: action, in: state)
            return added.isEmpty ? next : setting(pathCondition(of: next) + added, in: next)
        default:
            return next
        }
    }

    /// The clauses a `complete`'s outcome adds to the path condition. None in concrete mode, where the
    /// words decided the outcome.
    func condition(of action: ExtentAction, range: IORange, in state: ExtentState) -> [SolverOracle.Clause] {
        guard concreteValues == nil else { return [] }
        switch action {
        case .complete(let owner):
            let pairs = differingPairs(owner, range: range, in: state)
            return pairs.isEmpty ? [] : outcomeConditions(pairs).succeeds
        case .failedCompletion(let owner):
            let pairs = differingPairs(owner, range: range, in: state)
            return pairs.isEmpty ? [] : outcomeConditions(pairs).fails
        default: return []
        }
    }
}
