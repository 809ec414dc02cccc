@_spi(Search) internal import Explorer
/// How views decide conditions and show terms: the oracle in symbolic mode, values in concrete mode.
///
/// When a trace is built, the decider also records the condition of the finding it reported: what
/// the trace's values must exhibit. It then shows words as the values the witness gave them.
final class TermDecider {
    /// The model whose states are judged.
    let model: ExtentModel
    let oracle: SolverOracle?
    /// Whether the condition of each finding reported is kept in `exhibited`.
    let isRecording: Bool
    /// The condition of the last finding reported, when recording.
    private(set) var exhibited: Condition.Formula?
    /// How words and checksums are shown: by name (symbolic) or value (concrete) while searching, as the
    /// witness's values in a trace.
    let renderer: TermRenderer

    init(model: ExtentModel, renderer: TermRenderer, recording: Bool = false) {
        self.model = model
        oracle = model.oracle
        self.renderer = renderer
        isRecording = recording
    }

    /// The first of `findings` whose condition some value of the variables satisfies together with
    /// `conditions`, the path condition; nil when none can. A finding Z3 cannot decide does not stop
    /// the search for a later one that is possible; if none is, the first undecided one is thrown.
    func firstPossible(
        _ findings: [Finding], given conditions: () -> [SolverOracle.Clause]
    ) throws(UndecidedComparison) -> Finding? {
        var undecided: UndecidedComparison?
        var path: [SolverOracle.Clause]?
        for finding in findings {
            do {
                let possible = try isPossible(finding.condition.formula) {
                    if path == nil { path = conditions() }
                    return path!
                }
                guard possible else { continue }
                if isRecording { exhibited = finding.condition.formula }
                return finding
            } catch {
                undecided = undecided ?? error
            }
        }
        if let undecided { throw undecided }
        return nil
    }

    /// Whether `a` and `b` can differ for some value of their variables that satisfies `conditions`
    /// (or their checksums, with `comparesChecksums`): one comparison, one question.
    func mayDiffer(
        _ a: BlockData, _ b: BlockData, comparesChecksums: Bool, given conditions: @autoclosure () -> [SolverOracle.Clause]
    ) throws(UndecidedComparison) -> Bool {
        let comparison = Condition.Comparison(a: a, b: b, comparesChecksums: comparesChecksums, differ: true)
        return try isPossible(.comparison(comparison), given: conditions)
    }

    /// Whether some value of the variables satisfies `formula` together with `conditions`.
    ///
    /// Comparisons that need no solver are folded first: concrete words are values (and H is injective
    /// there, §7.12), and identical terms are equal whatever the values (unless the oracle is told to
    /// ask Z3 everything). A formula that folds to `true` is possible without a query: the state was
    /// reached, so its path condition is.
    private func isPossible(
        _ formula: Condition.Formula, given conditions: () -> [SolverOracle.Clause]
    ) throws(UndecidedComparison) -> Bool {
        let folded = formula.folding(decidedWithoutSolver)
        if case .constant(let value) = folded { return value }
        // Concrete comparisons always fold; symbolic words need Z3, and are never compared by their names.
        guard let oracle else { throw UndecidedComparison(reason: "no Z3 solver could be made for this model") }
        switch oracle.isSatisfiable(conditions(), and: folded) {
        case .violated: return true
        case .holds: return false
        case .unknown(let reason): throw UndecidedComparison(reason: reason)
        }
    }

    /// Whether `condition` is not ruled out without asking Z3: false when it folds to `false` by the
    /// rules `firstPossible` applies first. The built-in invariants skip such findings before they
    /// build them.
    func mayHold(_ condition: Condition) -> Bool {
        if case .constant(false) = condition.formula.folding(decidedWithoutSolver) { return false }
        return true
    }

    /// What `comparison` says without asking Z3, where that is known.
    private func decidedWithoutSolver(_ comparison: Condition.Comparison) -> Bool? {
        let identical = comparison.a.isIdentical(to: comparison.b)
        if model.concreteValues != nil { return identical != comparison.differ }
        guard let oracle, oracle.usesShortcuts, identical else { return nil }
        oracle.statistics.identical += 1
        return !comparison.differ
    }
}
