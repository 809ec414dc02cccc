/// A limit that ended a search before it had reached every state.
public enum SearchLimit: Hashable, Sendable, CustomStringConvertible {
    /// The number of distinct states reached the given maximum.
    case maxStates(Int)
    /// States at the given depth had successors that were not explored.
    case maxDepth(Int)
    /// The search ran out of time.
    case timeout(Duration)
    /// The process held this many bytes, or the next growth of the seen set would have taken it past.
    case memory(Int)
    /// The search was asked to stop through its `SearchCancellation` (Ctrl-C, say).
    case interrupted

    /// The limit as reports show it, e.g. `max-states 1000`.
    public var description: String {
        switch self {
        case .maxStates(let n): "max-states \(n)"
        case .maxDepth(let n): "max-depth \(n)"
        case .timeout(let d): "timeout \(d)"
        case .memory(let bytes): "memory-limit \(ResidentMemory.describe(bytes))"
        case .interrupted: "interrupted"
        }
    }
}
