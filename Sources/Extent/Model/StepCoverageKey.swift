/// A kind of step and who takes it: what a search of the model counts its steps by when it counts
/// coverage. A `complete` and a read's `check` are told apart by whether they fail.
@_spi(Search) public struct StepCoverageKey: Hashable, Sendable, Comparable {
    /// Who takes a step: a writer, mutator, reader or scrubber by its index among the scenario's
    /// actors of its role, or the flusher, the kernel, the device or, for a crash, power. Ordered
    /// as the model lists its steps.
    @_spi(Search) public enum Actor: Hashable, Sendable, Comparable {
        /// The writer with this index.
        case writer(Int)
        /// The flusher, which starts writeback.
        case flusher
        /// The kernel, which checksums and completes bios.
        case kernel
        /// The device, which transfers bios' blocks.
        case device
        /// The mutator with this index.
        case mutator(Int)
        /// The reader with this index.
        case reader(Int)
        /// The scrubber with this index.
        case scrubber(Int)
        /// Power, which is lost in a crash.
        case power
    }

    /// The kind of step.
    @_spi(Search) public var kind: StepView.Kind
    /// Whether the step fails: a `complete` that stores nothing, or a `check` whose data does not
    /// match its checksum. False for every other kind.
    @_spi(Search) public var fails: Bool
    /// Who takes the step.
    @_spi(Search) public var actor: Actor

    /// Creates a key.
    @_spi(Search) public init(_ kind: StepView.Kind, fails: Bool = false, by actor: Actor) {
        (self.kind, self.fails, self.actor) = (kind, fails, actor)
    }

    /// By actor, in the model's order of actors, then by kind in `StepView.Kind`'s order, a step
    /// that succeeds before one that fails.
    @_spi(Search) public static func < (left: StepCoverageKey, right: StepCoverageKey) -> Bool {
        if left.actor != right.actor { return left.actor < right.actor }
        if left.kind != right.kind { return left.kind.order < right.kind.order }
        return !left.fails && right.fails
    }
}

extension StepView.Kind {
    /// The kind's place in `allCases`.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
