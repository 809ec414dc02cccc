public import Explorer

extension ExtentModel {
    /// The explorer's properties for `invariants`; symbolic data needs an `oracle` to decide
    /// the data invariants, concrete data compares values.
    public func properties(for invariants: [Invariant], oracle: SolverOracle?) -> [Property<ExtentModel>] {
        invariants.map { invariant in
            switch invariant {
            case .csumMatchesData:
                .always(invariant.rawValue) { judgeChecksums(in: $0, oracle: oracle) }
            case .mirrorsAgree:
                .always(invariant.rawValue) { judgeMirrors(in: $0, oracle: oracle) }
            case .checksummed:
                // §7.4: judged at `complete`, by the state it produces; no "written" flag is kept.
                .alwaysOnTransition(invariant.rawValue) { _, action, _ in
                    if case .complete(let owner) = action, !checksums(owner) { .violated } else { .holds }
                }
            case .noDeadlock:
                .noDeadlock(invariant.rawValue)
            }
        }
    }

    /// A stored block whose checksum or mirrors disagree: what a data invariant found.
    struct Mismatch {
        var block: Int
        var mirror: Int
        var difference: SolverOracle.Difference
    }

    /// Every stored block and mirror whose data can disagree with the block's stored checksum.
    func checksumMismatches(in state: ExtentState) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for block in 0..<geometry.blocks {
            let summed = words(at: { layout.storedChecksum(block, $0) }, in: state)
            guard summed[0] != StateLayout.none else { continue }
            for mirror in 0..<geometry.mirrors {
                let data = words(at: { layout.storedWord(block, mirror: mirror, $0) }, in: state)
                mismatches.append(
                    Mismatch(block: block, mirror: mirror, difference: .init(summed, data, comparesChecksums: true)))
            }
        }
        return mismatches
    }

    /// Every stored block whose second mirror can differ from its first.
    func mirrorMismatches(in state: ExtentState) -> [Mismatch] {
        guard geometry.mirrors > 1 else { return [] }
        return (0..<geometry.blocks).map { block in
            let first = words(at: { layout.storedWord(block, mirror: 0, $0) }, in: state)
            let second = words(at: { layout.storedWord(block, mirror: 1, $0) }, in: state)
            return Mismatch(block: block, mirror: 1, difference: .init(first, second, comparesChecksums: false))
        }
    }

    private func judgeChecksums(in state: ExtentState, oracle: SolverOracle?) -> Judgement {
        // Most states store every checksum over exactly its data: see that without building candidates.
        let consistent = (0..<geometry.blocks).allSatisfy { block in
            state[layout.storedChecksum(block, 0)] == StateLayout.none
                || (0..<geometry.mirrors).allSatisfy { mirror in
                    (0..<geometry.blockWords).allSatisfy { word in
                        state[layout.storedChecksum(block, word)] == state[layout.storedWord(block, mirror: mirror, word)]
                    }
                }
        }
        return consistent && (oracle?.usesShortcuts ?? true) ? .holds : judge(checksumMismatches(in: state), oracle: oracle)
    }

    private func judgeMirrors(in state: ExtentState, oracle: SolverOracle?) -> Judgement {
        let consistent = (0..<geometry.blocks).allSatisfy { block in
            (1..<geometry.mirrors).allSatisfy { mirror in
                (0..<geometry.blockWords).allSatisfy { word in
                    state[layout.storedWord(block, mirror: mirror, word)] == state[layout.storedWord(block, mirror: 0, word)]
                }
            }
        }
        return consistent && (oracle?.usesShortcuts ?? true) ? .holds : judge(mirrorMismatches(in: state), oracle: oracle)
    }

    /// Violated if any candidate can really differ. In concrete mode H is injective (§7.12), so
    /// checksums differ exactly when the summed values differ.
    private func judge(_ candidates: [Mismatch], oracle: SolverOracle?) -> Judgement {
        var result = Judgement.holds
        for candidate in candidates {
            switch judge(candidate, oracle: oracle) {
            case .violated: return .violated
            case .unknown(let reason): result = .unknown(reason: reason)
            case .holds: break
            }
        }
        return result
    }

    /// Whether one candidate can really differ: Z3 decides symbolic words, concrete ones are compared.
    func judge(_ candidate: Mismatch, oracle: SolverOracle?) -> Judgement {
        let difference = candidate.difference
        guard let oracle else { return difference.a == difference.b ? .holds : .violated }
        return oracle.canDiffer(difference)
    }
}
