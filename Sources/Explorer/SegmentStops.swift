/// What ends a pass over a segment early, taken from the checker that runs the search: the time its
/// timeout runs out, and its cancellation. A helper thread's checker polls these, never its own options.
@usableFromInline
struct SegmentStops: Sendable {
    /// When the search's timeout runs out, and the timeout, if it has one.
    @usableFromInline let deadline: (instant: ContinuousClock.Instant, timeout: Duration)?
    /// The search's cancellation, if it can be cancelled.
    @usableFromInline let cancellation: SearchCancellation?

    /// The stops of a search that started at `start` with `options`.
    @inlinable
    init(options: SearchOptions, start: ContinuousClock.Instant) {
        deadline = options.timeout.map { (start + $0, $0) }
        cancellation = options.cancellation
    }

    /// No stop: a pass that runs to the end of its segment.
    @usableFromInline static let none = SegmentStops()

    @inlinable
    init() {
        deadline = nil
        cancellation = nil
    }

    /// Why the pass stops now, if it does: a cancellation first, so that an interrupted run reports
    /// itself as interrupted, then the deadline.
    @inlinable
    func reached() -> SearchLimit? {
        if cancellation?.isCancelled == true { return .interrupted }
        if let deadline, ContinuousClock().now >= deadline.instant { return .timeout(deadline.timeout) }
        return nil
    }
}
