/// One step of a transition, as a transition property sees it: which kind of step, who took it and
/// on which bio.
public struct StepView: CustomStringConvertible {
    /// The kinds of atomic step of the contract's §2.
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
    }

    let model: ExtentModel
    /// The step, as the explorer names it.
    public let action: ExtentAction
    let before: ExtentState

    /// The kind of step.
    public var kind: Kind {
        switch action {
        case .writerStep(let writer, let step):
            switch model.writers[writer].script[step] {
            case .directWrite: .dioWrite
            case .bufferedWrite: .write
            case .fsync: .fsync
            }
        case .writeback: .writeback
        case .checksum: .csum
        case .transfer: .dma
        case .complete: .complete
        case .mutate: .mutate
        }
    }

    /// Who took the step: a writer or mutator by name, `flusher`, `kernel` or `device`.
    public var actor: String { model.actor(of: action) }

    /// The bio the step acts on, for `csum`, `dma` and `complete`.
    public var bio: BioOwner? {
        switch action {
        case .checksum(let owner, _), .transfer(let owner, _, _), .complete(let owner): owner
        case .writerStep, .writeback, .mutate: nil
        }
    }

    /// The name of the writer that took the step, for `dio-write`, `write` and `fsync`.
    public var writer: String? {
        if case .writerStep(let writer, _) = action { model.writers[writer].name } else { nil }
    }

    /// The step in words, e.g. `dma bio qemu mirror 0 block 0`.
    public var description: String { model.describe(action, in: before) }
}
