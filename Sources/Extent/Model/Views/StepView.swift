/// One step of a transition, as a transition property sees it: which kind of step, who took it and
/// on which bio.
public struct StepView: CustomStringConvertible {
    /// The kinds of atomic step of the contract's §2, §9 and §10.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A writer's O_DIRECT write (direct, bounce, or fallen back to buffered).
        case dioWrite = "dio-write"
        /// A writer's buffered write.
        case write
        /// A writer's `fsync`: it runs only once nothing of the file is dirty or in flight.
        case fsync
        /// The flusher starts writeback of a folio.
        case writeback
        /// The kernel computes one block's checksum of a bio.
        case csum
        /// The device transfers one block of a bio to one mirror.
        case dma
        /// The kernel completes a bio: its data and checksums become the stored file.
        case complete
        /// A mutator changes one word.
        case mutate
        /// A reader reads a block: from its cached folio, or a device read of it starts.
        case read
        /// A reader's device read fetches its block from one mirror.
        case fetch
        /// A reader checks what it fetched against the block's stored checksum.
        case check
        /// A reader rewrites a mirror that failed its check.
        case repair
        /// A reader's read of a block ends, with the data or with EIO.
        case end
        /// A scrubber scrubs one block.
        case scrub
        /// Power is lost, then the file is mounted again.
        case crash

        /// The kind's bit in a `StepView.Kinds` mask.
        var bit: UInt16 {
            switch self {
            case .dioWrite: 1 << 0
            case .write: 1 << 1
            case .fsync: 1 << 2
            case .writeback: 1 << 3
            case .csum: 1 << 4
            case .dma: 1 << 5
            case .complete: 1 << 6
            case .mutate: 1 << 7
            case .read: 1 << 8
            case .fetch: 1 << 9
            case .check: 1 << 10
            case .repair: 1 << 11
            case .end: 1 << 12
            case .scrub: 1 << 13
            case .crash: 1 << 14
            }
        }
    }

    /// A set of kinds as bits: tested on every transition, so no hashing.
    struct Kinds: Sendable {
        let mask: UInt16

        init(_ kinds: Set<Kind>?) {
            mask = kinds.map { $0.reduce(0) { $0 | $1.bit } } ?? .max
        }

        @inline(__always)
        func contains(_ kind: Kind) -> Bool { mask & kind.bit != 0 }

        /// Whether `action` is of one of the kinds; a writer's step is looked up in its script only
        /// where the mask has a writer's kind.
        @inline(__always)
        func admits(_ action: ExtentAction, in model: ExtentModel) -> Bool {
            switch action {
            case .writerStep:
                mask & (Kind.dioWrite.bit | Kind.write.bit | Kind.fsync.bit) != 0 && contains(model.kind(of: action))
            case .writeback: contains(.writeback)
            case .checksum: contains(.csum)
            case .transfer: contains(.dma)
            case .complete, .failedCompletion: contains(.complete)
            case .mutate: contains(.mutate)
            case .read: contains(.read)
            case .fetch: contains(.fetch)
            case .check: contains(.check)
            case .repair: contains(.repair)
            case .endRead: contains(.end)
            case .scrub: contains(.scrub)
            case .crash: contains(.crash)
            }
        }
    }

    /// The step, as the explorer names it.
    package let action: ExtentAction
    let before: ExtentState
    /// The successor in the variable names of `before`, where the caller has it (a replayed trace).
    let successor: ExtentState?
    let decider: TermDecider

    var model: ExtentModel { decider.model }

    /// The state the step leads to, with its words named as in the state before the step (the
    /// explorer stores states renamed, so a term of one state would not compare with a term of another).
    public var after: StateView {
        StateView(successor ?? model.step(action, from: before, fresh: StateLayout.fresh), decider: decider)
    }

    /// The kind of step.
    public var kind: Kind { model.kind(of: action) }

    /// Who took the step: a writer, mutator, reader or scrubber by name, `flusher`, `kernel`, `device`
    /// or, for a crash, `power`.
    public var actor: String { model.actor(of: action) }

    /// The bio the step acts on, for `csum`, `dma` and `complete`.
    public var bio: BioOwner? {
        switch action {
        case .checksum(let owner, _), .transfer(let owner, _, _), .complete(let owner), .failedCompletion(let owner): owner
        case .writerStep, .writeback, .mutate, .read, .fetch, .check, .repair, .endRead, .scrub, .crash: nil
        }
    }

    /// The file block whose folio a `mutate` step changes; nil for a mutation of a user buffer and
    /// for every other step.
    public var changedFolio: Int? {
        if case .mutate(_, .folio(let block, _), _) = action { block } else { nil }
    }

    /// Whether the step fails: a `complete` that stores nothing (the writer gets an I/O error), a
    /// `check` whose data does not match the checksum, or an `end` that returns EIO.
    public var fails: Bool {
        switch action {
        case .failedCompletion, .check(_, passes: false): true
        case .endRead(let reader): model.readProgress(of: reader, in: before).phase == .failed
        default: false
        }
    }

    /// The name of the reader that took the step, for `read`, `fetch`, `check`, `repair` and `end`.
    public var reader: String? {
        switch action {
        case .read(let reader), .fetch(let reader, _), .check(let reader, _), .repair(let reader, _), .endRead(let reader):
            model.readers[reader].name
        default: nil
        }
    }

    /// The file block a reader's or a scrubber's step acts on.
    public var readBlock: Int? {
        switch action {
        case .read(let reader), .fetch(let reader, _), .check(let reader, _), .repair(let reader, _), .endRead(let reader):
            model.currentRead(of: reader, in: before)?.block
        case .scrub(let scrubber, _): model.scrubbedBlock(of: scrubber, in: before)
        default: nil
        }
    }

    /// The name of the writer that took the step, for `dio-write`, `write` and `fsync`.
    public var writer: String? {
        if case .writerStep(let writer, _) = action { model.writers[writer].name } else { nil }
    }

    /// The step in words, e.g. `dma bio qemu mirror 0 block 0`.
    public var description: String { model.describe(action, in: before) }
}
