/// What ends a search early from inside it: the states it keeps, the depth it expands to and the
/// memory the process holds. Taken from the checker that runs the search, as `SearchStops` are, so
/// that a helper thread's checker checks these, never its own options; checked the same way by
/// every search.
@usableFromInline
struct SearchBounds: Sendable {
    /// The number of states after which the search stops, if any.
    @usableFromInline let maxStates: Int?
    /// The depth beyond which no state is expanded, if any.
    @usableFromInline let maxDepth: Int?
    /// The resident memory, in bytes, at which the search stops, if any.
    @usableFromInline let memoryLimit: Int?

    /// The bounds `options` set.
    @inlinable
    init(options: SearchOptions) {
        (maxStates, maxDepth, memoryLimit) = (options.maxStates, options.maxDepth, options.memoryLimit)
    }

    /// The state limit, if it is reached at `count` states: a search that holds so many may take no more.
    @inlinable @inline(__always)
    func stateLimit(reachedAt count: Int) -> SearchLimit? {
        guard let maxStates, count >= maxStates else { return nil }
        return .maxStates(maxStates)
    }

    /// Whether the states at `depth` are expanded.
    @inlinable @inline(__always)
    func expands(depth: Int) -> Bool { maxDepth.map { depth < $0 } ?? true }

    /// The depth limit, as a search reports it once it kept out a state never seen.
    @inlinable
    var depthLimit: SearchLimit? { maxDepth.map { .maxDepth($0) } }

    /// The memory limit, if the process holds that much now; never where its memory cannot be read.
    @inlinable
    func memoryLimitReached() -> SearchLimit? {
        guard let memoryLimit, let resident = Self.residentBytes(), resident >= memoryLimit else { return nil }
        return .memory(memoryLimit)
    }

    /// The memory limit, if a process that holds `resident` bytes would hold that much once it
    /// allocated `growth` bytes more; memory that could not be read (nil) counts as none.
    @inlinable
    func memoryLimit(holding resident: Int?, growingBy growth: Int) -> SearchLimit? {
        guard let memoryLimit, (resident ?? 0) + growth >= memoryLimit else { return nil }
        return .memory(memoryLimit)
    }

    /// The memory limit, if `key` is new to `seen` and inserting it would grow `seen` to it: asked
    /// before each insertion, it costs a memory reading only when a table is about to grow.
    @inlinable @inline(__always)
    func memoryLimit<Seen: SeenStates>(inserting key: Seen.Key, into seen: Seen) -> SearchLimit? {
        guard memoryLimit != nil, case let growth = seen.bytesOfGrowth(inserting: key), growth > 0, !seen.contains(key)
        else { return nil }
        return memoryLimit(holding: Self.residentBytes(), growingBy: growth)
    }

    /// The memory limit, if inserting every key of `batches` into `seen` could grow it to it.
    @inlinable
    func memoryLimit<Seen: SeenStates>(inserting batches: [[Seen.Key]], into seen: Seen) -> SearchLimit? {
        guard memoryLimit != nil else { return nil }
        return memoryLimit(holding: Self.residentBytes(), growingBy: seen.bytesOfGrowth(inserting: batches))
    }

    /// The process's resident memory in bytes, where the system says: called every so many states,
    /// not inlined, so that the search's inlinable code needs nothing of `ResidentMemory`.
    @usableFromInline
    static func residentBytes() -> Int? { ResidentMemory.bytes() }
}
