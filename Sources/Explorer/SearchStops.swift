/// What ends a search early from outside its states: the time its timeout runs out, and its
/// cancellation. Taken from the checker that runs the search, so that a helper thread's checker
/// polls these, never its own options; polled the same way by every search.
@usableFromInline
struct SearchStops: Sendable {
    /// When the timeout runs out.
    @usableFromInline let deadline: ContinuousClock.Instant?
    /// The timeout, as a limit reached reports it.
    @usableFromInline let timeout: Duration?
    /// The search's cancellation, if it can be cancelled.
    @usableFromInline let cancellation: SearchCancellation?

    /// The stops of a search that started at `start` with `options`.
    @inlinable
    init(options: SearchOptions, start: ContinuousClock.Instant) {
        self.init(deadline: options.timeout.map { start + $0 }, timeout: options.timeout, cancellation: options.cancellation)
    }

    @inlinable
    init(deadline: ContinuousClock.Instant?, timeout: Duration?, cancellation: SearchCancellation?) {
        self.deadline = deadline
        self.timeout = timeout
        self.cancellation = cancellation
    }

    /// Why the search stops now, if it does: a cancellation first, so that an interrupted run reports
    /// itself as interrupted, then the deadline.
    @inlinable
    func reached() -> SearchLimit? {
        if cancellation?.isCancelled == true { return .interrupted }
        if let deadline, ContinuousClock().now >= deadline { return .timeout(timeout ?? .zero) }
        return nil
    }
}
