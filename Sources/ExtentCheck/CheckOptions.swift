public import Explorer
public import Extent

/// What to check of a model and how: a subset of its policies and properties, the search (its
/// order, storage and limits), and the solver's budget.
public struct CheckOptions: Sendable {
    /// The policies to check, by name; nil checks every policy the model lists.
    /// A built-in policy the model does not list may be named too.
    public var policies: [String]?
    /// The properties to decide, by name; nil decides every property of the model and the checker.
    public var properties: [String]?
    /// The data mode to check in, overriding the model's own; nil keeps the model's.
    public var data: DataMode?
    /// The crashes to allow (§10), overriding the model's own; nil keeps the model's.
    public var crashes: Int?
    /// The search every policy's check runs: order, storage, limits. Its `progress` is set per policy
    /// from `progress`.
    public var search: SearchOptions
    /// The time after which one Z3 query is answered unknown, in milliseconds, if any.
    public var solverTimeoutMilliseconds: UInt32?
    /// Whether identical words are decided without Z3 and answers are cached (the default);
    /// without, every comparison of symbolic terms is a Z3 query.
    public var usesSolverShortcuts: Bool
    /// Whether a violated property gets its counterexample (and a `sometimes` property its example):
    /// the default. Without, reports carry verdicts only, and no witness values are asked of Z3.
    public var computesTraces: Bool
    /// How many threads checking uses, nil: one per core. Policies are checked side by side, and a
    /// policy's search uses the threads the others leave: one search of a single policy uses them
    /// all. Reports do not depend on it, save the solver's counts (each thread has its own solver,
    /// and its own cache of answers).
    public var workers: Int?
    /// The reductions every search makes; none by default. They keep the verdicts of built-in
    /// invariants, and a check with them refuses properties stated in Swift.
    public var reductions: Set<Reduction>
    /// Whether each policy's report says where its search went (`PolicyReport.coverage`): the steps
    /// taken and the new states reached per kind of step and actor, and the steps never enabled. Off
    /// by default; on, it sets the search's `countsCoverage`.
    public var coverage: Bool
    /// Called now and then during a long search with the policy's name and the figures so far.
    public var progress: (@Sendable (String, SearchStatistics) -> Void)?
    /// Solvers the searches take and give back, rather than making their own: for many checks of
    /// small scenarios. Traces still take their values from a solver of their own.
    package var solverPool: SolverPool?
    /// Whether, in concrete mode, every checked `complete` may both succeed and fail whatever the words
    /// (§8): a search of every run of the model and more. An invariant that reads no word and holds there
    /// holds in the model; one violated there may hold in it. Off by default.
    package var takesEveryCheckOutcome = false

    /// Creates options; by default everything the model lists, breadth-first, with no limits.
    public init(
        policies: [String]? = nil,
        properties: [String]? = nil,
        data: DataMode? = nil,
        crashes: Int? = nil,
        search: SearchOptions = SearchOptions(),
        solverTimeoutMilliseconds: UInt32? = nil,
        usesSolverShortcuts: Bool = true,
        computesTraces: Bool = true,
        workers: Int? = nil,
        reductions: Set<Reduction> = [],
        coverage: Bool = false,
        progress: (@Sendable (String, SearchStatistics) -> Void)? = nil
    ) {
        self.policies = policies
        self.properties = properties
        self.data = data
        self.crashes = crashes
        self.search = search
        self.solverTimeoutMilliseconds = solverTimeoutMilliseconds
        self.usesSolverShortcuts = usesSolverShortcuts
        self.computesTraces = computesTraces
        self.workers = workers
        self.reductions = reductions
        self.coverage = coverage
        self.progress = progress
    }
}
