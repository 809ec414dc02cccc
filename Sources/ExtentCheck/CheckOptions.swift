public import Explorer
public import Extent

/// What to check of a model and how: a subset of its policies and
/// invariants, the search order, and the limits that end a search early.
public struct CheckOptions: Sendable {
    /// The policies to check, by name; nil checks every policy the model lists.
    /// A built-in policy the model does not list may be named too.
    public var policies: [String]?
    /// The invariants to decide; nil decides every invariant the model lists.
    public var invariants: [Invariant]?
    /// The order in which states are visited.
    public var strategy: SearchStrategy
    /// How seen states are stored.
    public var storage: StateStorage
    /// The number of distinct states after which a search stops, if any.
    public var maxStates: Int?
    /// The depth beyond which no state is expanded, if any.
    public var maxDepth: Int?
    /// The wall-clock time after which a search stops, if any.
    public var timeout: Duration?
    /// The time after which one Z3 query is answered unknown, in milliseconds, if any.
    public var solverTimeoutMilliseconds: UInt32?
    /// Whether identical words are decided without Z3 and answers are cached (the default);
    /// without, every data question is a Z3 query.
    public var usesSolverShortcuts: Bool
    /// How many policies are checked at once, each search on its own thread; nil: one per core.
    public var jobs: Int?
    /// Called now and then during a long search with the policy's name and the figures so far.
    public var progress: (@Sendable (String, SearchStatistics) -> Void)?

    /// Creates options; by default everything the model lists, breadth-first, with no limits.
    public init(
        policies: [String]? = nil,
        invariants: [Invariant]? = nil,
        strategy: SearchStrategy = .breadthFirst,
        storage: StateStorage = .fingerprints,
        maxStates: Int? = nil,
        maxDepth: Int? = nil,
        timeout: Duration? = nil,
        solverTimeoutMilliseconds: UInt32? = nil,
        usesSolverShortcuts: Bool = true,
        jobs: Int? = nil,
        progress: (@Sendable (String, SearchStatistics) -> Void)? = nil
    ) {
        self.policies = policies
        self.invariants = invariants
        self.strategy = strategy
        self.storage = storage
        self.maxStates = maxStates
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.solverTimeoutMilliseconds = solverTimeoutMilliseconds
        self.usesSolverShortcuts = usesSolverShortcuts
        self.jobs = jobs
        self.progress = progress
    }
}
