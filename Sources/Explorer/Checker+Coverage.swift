extension Checker {
    /// What `outcome`, a search of this checker's system, counted per coverage key of the steps it
    /// took (`TransitionSystem.coverageKey(of:)`): every key a step was taken of, with its steps and
    /// the new states they first reached. Nil if the search's options did not ask for coverage.
    ///
    /// The counts are the search's: under a system that reduces its successors, those of the reduced search.
    @inlinable
    @_spi(Search) public func coverage(in outcome: SearchOutcome<System.State, System.Action>) -> [System.CoverageKey: StepCoverage]? {
        outcome.coverage as? [System.CoverageKey: StepCoverage]
    }
}
