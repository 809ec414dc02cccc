@_spi(Search) internal import Extent
internal import Foundation

/// Solvers kept between checks: a check of a symbolic scenario takes one that fits its blocks, or
/// makes one, and gives it back when its search ends.
///
/// Making a Z3 context and solver costs milliseconds, more than a search of a small scenario, and
/// a kept solver keeps its answers by the question's shape, which no scenario's names enter. A
/// fuzz run of thousands of small workloads shares them. A solver is used by one check at a time.
package final class SolverPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [SolverOracle] = []

    /// An empty pool.
    package init() {}

    /// A kept oracle that fits, its figures reset, or nil.
    func take(
        geometry: Geometry, checksum: ChecksumKind, usesShortcuts: Bool, timeoutMilliseconds: UInt32?
    ) -> SolverOracle? {
        lock.lock()
        defer { lock.unlock() }
        guard
            let index = idle.lastIndex(where: {
                $0.fits(geometry: geometry, checksum: checksum, usesShortcuts: usesShortcuts, timeoutMilliseconds: timeoutMilliseconds)
            })
        else { return nil }
        let oracle = idle.remove(at: index)
        oracle.resetStatistics()
        return oracle
    }

    /// Keeps `oracles` for later checks.
    func giveBack(_ oracles: [SolverOracle]) {
        lock.lock()
        defer { lock.unlock() }
        idle += oracles
    }
}
