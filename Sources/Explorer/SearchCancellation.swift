internal import Synchronization

/// A flag that ends a search from outside it, as a limit does: a search polls it as often as it looks
/// at the clock for its timeout, stops with `SearchLimit.interrupted` once it is set, and reports the
/// figures reached and every undecided verdict unknown.
///
/// Setting it is safe from any thread (a signal handler's queue, say); it is never cleared.
public final class SearchCancellation: Sendable, Hashable {
    private let flag = Atomic<Bool>(false)

    /// Creates a flag that is not set.
    public init() {}

    /// Asks every search that polls this flag to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether `cancel()` has been called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Flags are equal only to themselves.
    public static func == (lhs: SearchCancellation, rhs: SearchCancellation) -> Bool { lhs === rhs }

    /// Hashes the flag's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
