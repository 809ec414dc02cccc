internal import ExtentCheck

/// What one workload's checks under one policy decided: a verdict per invariant asked, and the
/// searches that decided them (none for an invariant the policy guarantees).
struct WorkloadVerdicts {
    /// The verdicts, in the order the invariants were asked.
    var results: [PropertyResult]
    /// The reports of the searches run, in the order they ran.
    var searches: [PolicyReport]

    /// The distinct states the searches reached, added up.
    var states: Int { searches.map(\.search.states).reduce(0, +) }

    /// Where the searches went, when they counted it; nil when none did.
    var coverage: CoverageReport? {
        let counted = searches.compactMap(\.coverage)
        return counted.isEmpty ? nil : .merged(counted)
    }
}
