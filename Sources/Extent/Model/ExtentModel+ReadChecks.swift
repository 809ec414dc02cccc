/// The outcomes of a read's `check` and of a `scrub` (§9), which compare data with a stored checksum:
/// in `concrete:K` the words decide, and in symbolic mode each outcome is a successor where its
/// condition is satisfiable with the state's path condition, as for a checked `complete` (§8).
extension ExtentModel {
    /// The words of the block at `place`.
    func words(_ place: StateLayout.Place, in state: ExtentState) -> [UInt32] {
        let start = layout.start(of: place)
        return Array(state.slots[start..<(start + geometry.blockWords)])
    }

    /// What a reader's check compares: the data its fetch left in the destination now, and the block's
    /// stored checksum (constant while the read is in progress); nil where the block has none.
    func checkedPair(of reader: Int, block: Int, in state: ExtentState) -> (data: [UInt32], checksum: [UInt32])? {
        guard !isEmpty(.storedChecksum(block), in: state) else { return nil }
        return (words(destination(of: reader, in: state), in: state), words(.storedChecksum(block), in: state))
    }

    /// Whether a reader's check of `block` can pass, and whether it can fail.
    func checkOutcomes(of reader: Int, block: Int, in state: ExtentState) -> (passes: Bool, fails: Bool) {
        guard let pair = checkedPair(of: reader, block: block, in: state) else { return (true, false) }
        let masks = possibleOutcomes(of: [pair], in: state)
        return (masks.contains(0), masks.contains(1))
    }

    /// The sets of mirrors (as bits) a scrub of the scrubber's block can find failing: under
    /// `scrub: checksums`, each mirror of a checksummed block is compared with the checksum; otherwise
    /// nothing is compared and the only outcome is the empty set.
    func scrubOutcomes(of scrubber: Int, in state: ExtentState) -> [UInt32] {
        let pairs = scrubbedPairs(block: scrubbedBlock(of: scrubber, in: state), in: state)
        return pairs.isEmpty ? [0] : possibleOutcomes(of: pairs, in: state)
    }

    /// What a scrub of `block` compares: each mirror's data with the stored checksum, in mirror order;
    /// none under `compare-copies` or for a block without checksum.
    func scrubbedPairs(block: Int, in state: ExtentState) -> [(data: [UInt32], checksum: [UInt32])] {
        guard policy.scrub == .checksums, !isEmpty(.storedChecksum(block), in: state) else { return [] }
        let checksum = words(.storedChecksum(block), in: state)
        return (0..<geometry.mirrors).map { (words(.stored(block, mirror: $0), in: state), checksum) }
    }

    /// The sets of pairs (as bits, pair i as bit i) whose checksums can differ while every other pair's
    /// are equal, in ascending order. Concrete words are compared (H is injective there); symbolic ones
    /// are decided by the oracle with the state's path condition.
    private func possibleOutcomes(of pairs: [(data: [UInt32], checksum: [UInt32])], in state: ExtentState) -> [UInt32] {
        guard concreteValues == nil else {
            return [pairs.indices.reduce(0) { $0 | (pairs[$1].data == pairs[$1].checksum ? 0 : 1 << $1) }]
        }
        guard let oracle else { preconditionFailure("a data-dependent check in symbolic mode needs the model's oracle") }
        let path = pathCondition(of: state)
        return (0..<(UInt32(1) << pairs.count)).filter { failing in
            // The same terms are equal whatever the values: such a pair never fails.
            if oracle.usesShortcuts, pairs.indices.contains(where: { failing & (1 << $0) != 0 && pairs[$0].data == pairs[$0].checksum }) {
                return false
            }
            return oracle.branchIsPossible(path + outcomeCondition(of: pairs, failing: failing))
        }
    }

    /// The clauses that say exactly the pairs in `failing` differ: one atom a clause, and none for a
    /// pair of the same terms, which is equal whatever the values.
    private func outcomeCondition(of pairs: [(data: [UInt32], checksum: [UInt32])], failing: UInt32) -> [SolverOracle.Clause] {
        pairs.indices.compactMap { index in
            let pair = pairs[index]
            let differ = failing & (1 << index) != 0
            guard differ || pair.data != pair.checksum else { return nil }
            return [SolverOracle.Atom(differ: differ, comparesChecksums: true, a: pair.data, b: pair.checksum)]
        }
    }

    /// The clauses a reader's check or a scrub adds to the path condition in symbolic mode.
    func readCondition(of action: ExtentAction, in state: ExtentState) -> [SolverOracle.Clause] {
        guard concreteValues == nil else { return [] }
        switch action {
        case .check(let reader, let passes):
            let block = currentRead(of: reader, in: state)!.block
            guard let pair = checkedPair(of: reader, block: block, in: state) else { return [] }
            return outcomeCondition(of: [pair], failing: passes ? 0 : 1)
        case .scrub(let scrubber, let failing):
            let pairs = scrubbedPairs(block: scrubbedBlock(of: scrubber, in: state), in: state)
            return outcomeCondition(of: pairs, failing: failing)
        default:
            return []
        }
    }
}
