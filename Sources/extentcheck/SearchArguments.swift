@_spi(Search) import Explorer
import ArgumentParser
import ExtentCheck
import Foundation

/// The search options shared by commands that explore models.
struct SearchArguments: ParsableArguments {
    @OptionGroup var scenario: ScenarioArguments
    var data: DataMode? { scenario.data }

    @Option(help: "Search order: bfs finds shortest counterexamples; dfs reaches deep states first.")
    var strategy: SearchStrategy = .breadthFirst

    @Option(help: "Seen-set storage: fingerprints (64-bit hashes) or exact (whole states).")
    var storage: StateStorage = .fingerprints

    @Option(parsing: .unconditional, help: "Stop a search after this many distinct states; undecided verdicts become unknown.")
    var maxStates: Int?

    @Option(parsing: .unconditional, help: "Expand no state deeper than this many steps; undecided verdicts become unknown.")
    var maxDepth: Int?

    @Option(parsing: .unconditional, help: "Stop a search after this many seconds; undecided verdicts become unknown.")
    var timeout: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Stop a search when the process holds this much memory (512M, 2G, ...); undecided verdicts become unknown.",
            valueName: "size"),
        transform: { text in
            guard let bytes = ResidentMemory.parse(text) else {
                throw ValidationError("--memory-limit takes a size such as 512M or 2G, found '\(text)'")
            }
            return bytes
        })
    var memoryLimit: Int?

    @Option(parsing: .unconditional, help: "Answer a Z3 query unknown after this many milliseconds.")
    var solverTimeout: Int?

    @Option(
        parsing: .unconditional,
        help: "Use this many threads (default: one per core): check runs policies side by side and gives each policy's search the threads left; fuzz checks this many workloads at once.")
    var workers: Int?

    @Option(
        help: ArgumentHelp(
            "Explore fewer states, keeping every built-in invariant's verdict: symmetry (interchangeable writers and mutators) or por (steps no other actor can disturb are taken alone). Repeat for both.",
            valueName: "reduction"))
    var reduce: [Reduction] = []

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if let maxStates, maxStates < 1 { throw ValidationError("--max-states must be at least 1.") }
        if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more.") }
        if let timeout, !(timeout > 0 && timeout <= 1e9) {
            throw ValidationError("--timeout must be a positive number of seconds, at most 1e9.")
        }
        try Self.validate(solverTimeout: solverTimeout)
    }

    /// `--seed N`: a whole number from 0 to 2^64 - 1, or the usage error that says so (for `-1` too,
    /// which the option takes as its value).
    static func seed(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max), found '\(text.prefix(40))'")
        }
        return seed
    }

    /// Throws unless `--solver-timeout` is absent or 1...UInt32.max milliseconds.
    static func validate(solverTimeout: Int?) throws {
        if let solverTimeout, !(1...Int(UInt32.max)).contains(solverTimeout) {
            throw ValidationError("--solver-timeout must be at least 1 millisecond and at most \(UInt32.max).")
        }
    }

    /// The library's options for these arguments, reporting progress to standard error if `showsProgress`.
    func options(policies: [String]?, properties: [String]?, computesTraces: Bool, showsProgress: Bool) -> CheckOptions {
        let progress: @Sendable (String, SearchStatistics) -> Void = { policy, statistics in
            let line = String(
                format: "... %@: %d states, %d transitions, depth %d, %.1f s (%.0f states/s)\n",
                policy, statistics.states, statistics.transitions, statistics.maxDepth, statistics.seconds,
                statistics.statesPerSecond)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return CheckOptions(
            policies: policies, properties: properties, data: data, crashes: scenario.crashes,
            search: SearchOptions(
                strategy: strategy, storage: storage, maxStates: maxStates, maxDepth: maxDepth,
                timeout: timeout.map { .milliseconds(Int64($0 * 1000)) }, memoryLimit: memoryLimit,
                cancellation: Interruption.cancellation),
            solverTimeoutMilliseconds: solverTimeout.map(UInt32.init), computesTraces: computesTraces, workers: workers,
            reductions: Set(reduce), progress: showsProgress ? progress : nil)
    }
}

extension SearchStrategy: ExpressibleByArgument {}
extension StateStorage: ExpressibleByArgument {}
extension Reduction: ExpressibleByArgument {}

extension SwarmMember {
    /// `--swarm I/N`, or the usage error that says what it takes.
    static func argument(_ text: String) throws -> SwarmMember {
        try argument(text, option: "--swarm")
    }

    /// `--shard I/N`, or the usage error that says what it takes.
    static func shardArgument(_ text: String) throws -> SwarmMember {
        try argument(text, option: "--shard")
    }

    private static func argument(_ text: String, option: String) throws -> SwarmMember {
        guard let member = SwarmMember(parsing: text) else {
            throw ValidationError("\(option) takes I/N with 1 ≤ I ≤ N, found '\(text)'")
        }
        return member
    }
}

/// `--data` and `--crashes`, shared by the commands that check or walk models: what they change of
/// the model's scenario.
struct ScenarioArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Data mode, overriding the model's: symbolic, or concrete:K for words 0..<K.", valueName: "mode"),
        transform: { text in try DataMode(parsing: text) })
    var data: DataMode?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Crashes, overriding the model's: power may be lost this many times, at any step (0 through \(Scenario.maximumCrashes)).",
            valueName: "n"))
    var crashes: Int?

    func validate() throws {
        if let crashes, !(0...Scenario.maximumCrashes).contains(crashes) {
            throw ValidationError("--crashes must be 0 through \(Scenario.maximumCrashes), found \(crashes).")
        }
    }
}
