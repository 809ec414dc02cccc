public import Extent

/// One event of a log, as recorded (docs/conformance.md): what happened, when, in which run of the
/// model, and to whom.
public struct LoggedEvent: Hashable, Sendable {
    /// The log's line that holds the event, from 1 (the header).
    public var line: Int
    /// Nanoseconds of `CLOCK_MONOTONIC`.
    public var time: UInt64
    /// What happened.
    public var kind: EventKind
    /// The slot of the reproducer's file the event concerns.
    public var slot: Int
    /// The pass over the slot the event belongs to.
    public var pass: Int
    /// The model's actor whose event it is, for a program's event.
    public var actor: String?
    /// The block of the slot or of the mutator's target.
    public var block: Int?
    /// The word of the block a mutator changed.
    public var word: Int?
    /// For a change that may have taken effect before it was logged (an mmap store that waited in
    /// the kernel): when it started, in nanoseconds of `CLOCK_MONOTONIC`, at most `time`.
    public var since: UInt64?
    /// How a call returned.
    public var result: CallResult?

    /// Creates an event.
    public init(
        line: Int, time: UInt64, kind: EventKind, slot: Int, pass: Int, actor: String? = nil, block: Int? = nil,
        word: Int? = nil, since: UInt64? = nil, result: CallResult? = nil
    ) {
        self.line = line
        self.time = time
        self.kind = kind
        self.slot = slot
        self.pass = pass
        self.actor = actor
        self.block = block
        self.word = word
        self.since = since
        self.result = result
    }
}
