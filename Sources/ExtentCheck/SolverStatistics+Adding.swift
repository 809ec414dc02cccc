@_spi(Search) internal import Extent

extension SolverStatistics {
    /// The figures of `oracles`' work added up: each thread's solver's; nil for none, as in concrete mode.
    init?(adding oracles: [SolverOracle.Statistics]) {
        guard !oracles.isEmpty else { return nil }
        self.init(
            calls: oracles.map(\.calls).reduce(0, +), seconds: oracles.map(\.seconds).reduce(0, +),
            cacheHits: oracles.map(\.cacheHits).reduce(0, +), identical: oracles.map(\.identical).reduce(0, +))
    }
}
