internal import Dispatch
internal import Synchronization

extension Array where Element: Sendable {
    /// `transform` applied to every element by up to `workers` threads at once, the results in the
    /// elements' order; the first error, in element order, is thrown once all have run.
    ///
    /// Searches are independent (each owns its Z3 context), so whole searches run side by side.
    @_spi(Search) public func concurrentMap<Result: Sendable>(
        workers: Int, _ transform: @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        let results = Mutex([Swift.Result<Result, any Error>?](repeating: nil, count: count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(workers, count))) { _ in
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < count else { return }
                let result = Swift.Result { try transform(self[index]) }
                results.withLock { $0[index] = result }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
