/// Options of one search: its order, what it stores, and the limits that
/// end it early.
public struct SearchOptions: Sendable {
    /// The order in which states are visited.
    public var strategy: SearchStrategy
    /// How seen states are stored.
    public var storage: StateStorage
    /// The number of distinct states after which the search stops, if any.
    public var maxStates: Int?
    /// The depth beyond which no state is expanded, if any.
    public var maxDepth: Int?
    /// The wall-clock time after which the search stops, if any.
    public var timeout: Duration?
    /// The resident memory, in bytes, at which the search stops, if any: checked now and then, and
    /// before the seen set grows.
    public var memoryLimit: Int?
    /// A flag that stops the search when set, polled as often as the timeout; nil for none.
    public var cancellation: SearchCancellation?
    /// How many states of a level each thread of a breadth-first search takes at once. Outcomes do
    /// not depend on it: it trades the cost of handing out work against how evenly it spreads.
    public var segmentSize: Int
    /// Whether the search counts, per coverage key of the system's steps, the steps it takes and
    /// the new states they first reach (`SearchOutcome`'s coverage). Off, it costs nothing.
    public var countsCoverage: Bool
    /// How often `progress` is called during a long search.
    public var progressInterval: Duration
    /// Called every `progressInterval` with the figures so far.
    public var progress: (@Sendable (SearchStatistics) -> Void)?

    /// Creates options; by default a breadth-first search over fingerprints with no limits.
    public init(
        strategy: SearchStrategy = .breadthFirst,
        storage: StateStorage = .fingerprints,
        maxStates: Int? = nil,
        maxDepth: Int? = nil,
        timeout: Duration? = nil,
        memoryLimit: Int? = nil,
        cancellation: SearchCancellation? = nil,
        segmentSize: Int = 16384,
        countsCoverage: Bool = false,
        progressInterval: Duration = .seconds(2),
        progress: (@Sendable (SearchStatistics) -> Void)? = nil
    ) {
        self.strategy = strategy
        self.storage = storage
        self.maxStates = maxStates
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.cancellation = cancellation
        self.segmentSize = max(1, segmentSize)
        self.countsCoverage = countsCoverage
        self.progressInterval = progressInterval
        self.progress = progress
    }
}
