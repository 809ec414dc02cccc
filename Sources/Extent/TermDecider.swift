/// How views compare terms and show them: the oracle in symbolic mode, values in concrete mode.
///
/// When a trace is built, the decider also records the comparisons that found a possible difference
/// (the last one is what the trace's values must exhibit) and shows words as the values the
/// witness gave them.
final class TermDecider {
    /// The model whose states are compared.
    let model: ExtentModel
    let oracle: SolverOracle?
    /// The comparisons that could differ, when recording; nil otherwise.
    var differences: [SolverOracle.Difference]?
    /// How words and checksums are shown: by name (symbolic) or value (concrete) while searching, as the
    /// witness's values in a trace.
    let renderer: ExtentModel.Renderer

    init(model: ExtentModel, renderer: ExtentModel.Renderer, recording: Bool = false) {
        self.model = model
        oracle = model.oracle
        self.renderer = renderer
        differences = recording ? [] : nil
    }

    /// Whether `a` and `b` can differ for some value of their variables that satisfies `conditions`
    /// (or their checksums, with `comparesChecksums`).
    func mayDiffer(
        _ a: BlockData, _ b: BlockData, comparesChecksums: Bool, given conditions: @autoclosure () -> [SolverOracle.Clause]
    ) throws(UndecidedComparison) -> Bool {
        let differ: Bool
        if let oracle {
            if oracle.usesShortcuts, a.isIdentical(to: b) {
                differ = false
            } else {
                switch oracle.canDiffer(.init(a.terms, b.terms, comparesChecksums: comparesChecksums), given: conditions()) {
                case .holds: differ = false
                case .violated: differ = true
                case .unknown(let reason): throw UndecidedComparison(reason: reason)
                }
            }
        } else {
            // Concrete words are values, and H is injective there (§7.12): checksums differ when the words do.
            differ = !a.isIdentical(to: b)
        }
        if differ { differences?.append(.init(a.terms, b.terms, comparesChecksums: comparesChecksums)) }
        return differ
    }
}
