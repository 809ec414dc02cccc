
/// A scenario under one policy, as a transition system: the states of the
/// contract's §1 and the atomic steps of its §2.
///
/// Every state reachable through any interleaving of the writers', the
/// flusher's, the kernel's, the device's, the mutators', the readers' and the
/// scrubbers' steps is a state of the model; the explorer visits them all.
@_spi(Search) public struct ExtentModel {
    /// Everything about the model that no step changes, behind one reference: a copy of the model,
    /// or a view of one of its states, costs one retain.
    final class Shape {
        let scenario: Scenario
        let policy: Policy
        let directIOPath: DirectIOPath
        let layout: StateLayout
        let writers: [Writer]
        let mutators: [Mutator]
        let readers: [Reader]
        let scrubbers: [Scrubber]
        let bioOwners: [BioOwner]
        /// Whether a `complete` may fail its policy's checks, and whether buffers under a direct bio
        /// are write-protected: tested in every state, so kept apart from the policy's strings.
        let checksCompletions: Bool
        let writeProtectsBuffers: Bool
        /// Whether the model has a reader or a scrubber: their steps are looked for in every state.
        let readsBack: Bool
        /// Whether steps beyond the write's are looked for in every state: a reader's, a scrubber's
        /// or a crash.
        let stepsBeyondTheWrite: Bool
        /// Whether the outcome of a step may depend on symbolic words: a checked `complete` (§8), a
        /// read's `check` or a `scrub` (§9).
        let branchesOnData: Bool
        /// Whether a step may do more than `apply` does: a writeback copy, a check's condition, or any
        /// step of a model that may crash (whose steps the fast loop over the write's alone cannot list).
        let extendsSteps: Bool
        let oracle: SolverOracle?
        /// The renamings of writers, buffers and mutators that map the model onto itself, when the
        /// search is reduced by symmetry.
        let symmetry: Symmetry?
        /// Whether a step that commutes with every other actor's is taken alone (`Reduction.partialOrder`).
        let reducesInterleavings: Bool
        /// What the scenario's checksum lets a path condition's projection conclude.
        let checksumFacts: ConditionProjection.ChecksumFacts
        /// Whether, in concrete mode, a checked `complete` may both succeed and fail whatever the words.
        let takesEveryCheckOutcome: Bool

        init(
            scenario: Scenario, policy: Policy, oracle: SolverOracle?, reductions: Set<Reduction>,
            takesEveryCheckOutcome: Bool
        ) {
            self.scenario = scenario
            self.policy = policy
            self.oracle = oracle
            self.takesEveryCheckOutcome = takesEveryCheckOutcome
            checksumFacts = ConditionProjection.ChecksumFacts(scenario.checksum, over: scenario.geometry)
            reducesInterleavings = reductions.contains(.partialOrder)
            checksCompletions = policy.checksCompletions
            writeProtectsBuffers = policy.userPages == .writeProtected
            directIOPath = ExtentModel.directIOPath(of: policy, mirrors: scenario.geometry.mirrors)
            var writers: [Writer] = []
            var mutators: [Mutator] = []
            var readers: [Reader] = []
            var scrubbers: [Scrubber] = []
            for actor in scenario.actors {
                switch actor.role {
                case .writer(let script):
                    writers.append(Writer(name: actor.name, script: script))
                case .mutator(let target, let budget):
                    mutators.append(Mutator(name: actor.name, target: target, budget: budget))
                case .reader(let script):
                    readers.append(Reader(name: actor.name, script: script))
                case .scrubber(let passes):
                    scrubbers.append(Scrubber(name: actor.name, passes: passes))
                }
            }
            self.writers = writers
            self.mutators = mutators
            self.readers = readers
            self.scrubbers = scrubbers
            bioOwners = writers.indices.map(BioOwner.writer) + (0..<scenario.geometry.blocks).map(BioOwner.writeback)
            layout = StateLayout(
                writers: writers.count, mutators: mutators.count, readers: readers.count, scrubbers: scrubbers.count,
                crashes: scenario.crashes, geometry: scenario.geometry, bufferBlocks: scenario.buffers.map(\.blocks),
                writebackCopies: policy.writebackSource == .copy)
            readsBack = !readers.isEmpty || !scrubbers.isEmpty
            stepsBeyondTheWrite = readsBack || scenario.crashes > 0
            branchesOnData = checksCompletions || readsBack
            extendsSteps = branchesOnData || layout.writebackCopies || stepsBeyondTheWrite
            symmetry = reductions.contains(.symmetry) ? Symmetry(scenario) : nil
        }
    }

    let shape: Shape
    /// Decides symbolic comparisons: the properties' and, under checks, the outcomes of `complete`.
    /// Nil in concrete mode, and in symbolic mode only if Z3 could not make one.
    package var oracle: SolverOracle? { shape.oracle }

    /// The scenario being checked.
    @_spi(Search) public var scenario: Scenario { shape.scenario }
    /// The policy the scenario is checked under.
    @_spi(Search) public var policy: Policy { shape.policy }
    /// The path an O_DIRECT write takes under this policy and geometry: the policy's, with the
    /// `...-if-mirrored` paths resolved by the number of mirrors.
    @_spi(Search) public var directIOPath: DirectIOPath { shape.directIOPath }

    /// The path an O_DIRECT write takes once the number of mirrors is known.
    @_spi(Search) public enum DirectIOPath: String, Hashable, Sendable {
        /// The bio reads the user buffer itself, while it is in flight.
        case direct
        /// The bio reads a kernel copy of the buffer taken at submission.
        case bounce
        /// The write goes through the page cache.
        case buffered
    }

    /// The path an O_DIRECT write takes under `policy` on a file of `mirrors` mirrors.
    static func directIOPath(of policy: Policy, mirrors: Int) -> DirectIOPath {
        switch policy.directIOPath {
        case .direct: .direct
        case .bounce: .bounce
        case .buffered: .buffered
        case .bufferedIfMirrored: mirrors > 1 ? .buffered : .direct
        case .bounceIfMirrored: mirrors > 1 ? .bounce : .direct
        }
    }

    var layout: StateLayout { _read { yield shape.layout } }
    var writers: [Writer] { _read { yield shape.writers } }
    var mutators: [Mutator] { _read { yield shape.mutators } }
    var readers: [Reader] { _read { yield shape.readers } }
    var scrubbers: [Scrubber] { _read { yield shape.scrubbers } }
    /// Every bio that can be in flight: the writers' in writer order, then the folios' in block order.
    var bioOwners: [BioOwner] { _read { yield shape.bioOwners } }

    /// A writer, by its index among the scenario's writers.
    struct Writer: Hashable, Sendable {
        var name: String
        var script: [WriterStep]
    }

    /// A mutator, by its index among the scenario's mutators.
    struct Mutator: Hashable, Sendable {
        var name: String
        var target: MutationTarget
        var budget: Int
    }

    /// A reader, by its index among the scenario's readers.
    struct Reader: Hashable, Sendable {
        var name: String
        var script: [ReaderStep]
    }

    /// A scrubber, by its index among the scenario's scrubbers.
    struct Scrubber: Hashable, Sendable {
        var name: String
        var passes: Int
    }

    /// Where a writer is in its script.
    enum Phase: UInt32 {
        /// Ready to run the step at its position.
        case ready = 0
        /// Waiting inside a direct or bounce `dio-write` for its bio to complete.
        case awaitingBio = 1
        /// Waiting inside a fallen-back `dio-write` for the page cache to be clean.
        case awaitingWriteback = 2
        /// Stopped by a crash at the step at its position, which it had not finished (§10).
        case stopped = 3
    }

    /// Creates the model of `scenario` under `policy`; symbolic data is decided by `oracle`, or when
    /// none is given by a new oracle of default settings, so that no comparison of symbolic words is
    /// taken for one of their names. With `reductions`, the model's successors are those of a reduced
    /// search: decide only built-in invariants on it, and turn its paths into runs with `unreducedPath(_:)`.
    ///
    /// With `takesEveryCheckOutcome`, in concrete mode every checked `complete` (§8) may both succeed
    /// and fail, whatever the words: a model of every run of the scenario and more, in which an
    /// invariant that reads no word and holds holds in the scenario too.
    ///
    /// Throws `ScenarioError` for a scenario that `Scenario.validate()` refuses: nothing of it is built then.
    package init(
        scenario: Scenario, policy: Policy, oracle: SolverOracle? = nil, reductions: Set<Reduction> = [],
        takesEveryCheckOutcome: Bool = false
    ) throws(ScenarioError) {
        try scenario.validate()
        let decider =
            oracle ?? (scenario.data == .symbolic ? try? SolverOracle(geometry: scenario.geometry, checksum: scenario.checksum) : nil)
        shape = Shape(
            scenario: scenario, policy: policy, oracle: decider, reductions: reductions,
            takesEveryCheckOutcome: takesEveryCheckOutcome)
    }


    var geometry: Geometry { scenario.geometry }

    /// The number of values a fresh concrete word takes, or nil in symbolic mode.
    var concreteValues: Int? {
        if case .concrete(let k) = scenario.data { k } else { nil }
    }

    /// Whether the bio of `owner` computes checksums.
    func checksums(_ owner: BioOwner) -> Bool {
        switch owner {
        case .writer: policy.directIOChecksum
        case .writeback: policy.bufferedChecksum
        }
    }
}

extension ExtentModel {
    func position(of writer: Int, in state: ExtentState) -> (step: Int, phase: Phase) {
        let slot = state[layout.writer(writer)]
        return (Int(slot >> 2), Phase(rawValue: slot & 3)!)
    }

    func setPosition(of writer: Int, step: Int, phase: Phase, in state: inout ExtentState) {
        state[layout.writer(writer)] = UInt32(step) << 2 | phase.rawValue
    }

    /// The file blocks a bio covers, and the index of its first block's source.
    func range(of owner: BioOwner, in state: ExtentState) -> IORange? {
        switch owner {
        case .writer(let writer):
            let position = position(of: writer, in: state)
            guard position.phase == .awaitingBio,
                case .directWrite(let range) = writers[writer].script[position.step]
            else { return nil }
            return range
        case .writeback(let block):
            guard folio(block, in: state).contains(.writeback) else { return nil }
            return IORange(buffer: -1, at: block, blocks: 1)
        }
    }

    /// Where the bio of `owner` reads its `index`-th block from: the buffer itself, its bounce copy, or the folio.
    @inline(__always)
    func source(of owner: BioOwner, range: IORange, _ index: Int) -> StateLayout.Place {
        switch owner {
        case .writer(let writer):
            directIOPath == .bounce ? .bounceCopy(writer: writer, index: index) : .buffer(range.buffer, block: index)
        case .writeback(let block):
            layout.writebackCopies ? .writebackCopy(block) : .folio(block)
        }
    }

    /// Copies the block at `source` in `state` to `destination` in `next`.
    @inline(__always)
    func copy(_ source: StateLayout.Place, of state: ExtentState, to destination: StateLayout.Place, in next: inout ExtentState) {
        let (from, to) = (layout.start(of: source), layout.start(of: destination))
        for word in 0..<geometry.blockWords { next[to + word] = state[from + word] }
    }

    /// Empties the block at `place`: no checksum, not computed, not transferred.
    @inline(__always)
    func clear(_ place: StateLayout.Place, in state: inout ExtentState) {
        let start = layout.start(of: place)
        for word in 0..<geometry.blockWords { state[start + word] = StateLayout.none }
    }

    /// Whether the block at `place` is empty: no checksum, not computed, not transferred.
    @inline(__always)
    func isEmpty(_ place: StateLayout.Place, in state: ExtentState) -> Bool {
        state[layout.start(of: place)] == StateLayout.none
    }

    func folio(_ block: Int, in state: ExtentState) -> FolioFlags {
        FolioFlags(rawValue: state[layout.folioFlags(block)])
    }
}

/// The flags of a file block's folio in the page cache.
struct FolioFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt32
    static let cached = FolioFlags(rawValue: 1)
    static let dirty = FolioFlags(rawValue: 2)
    static let writeback = FolioFlags(rawValue: 4)
}
