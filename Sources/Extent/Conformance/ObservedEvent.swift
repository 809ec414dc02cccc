/// One event of a real run in the model's terms: a step the run took, or a fact it saw
/// (docs/conformance.md). Actors are numbered as the model numbers its writers, mutators and
/// readers.
package enum ObservedEvent: Hashable, Sendable {
    /// The writer's call starts: the step of its script at its position, of this kind, is to come.
    case call(writer: Int, WriterCall)
    /// The writer's call has returned; `failed` when it returned an I/O error.
    case returned(writer: Int, failed: Bool)
    /// The mutator changed the word.
    case mutate(mutator: Int, location: WordLocation)
    /// The mutator started to change the word: its `mutate` of it may now be taken, before
    /// `mutationEnded` (an mmap store that waits in the kernel before it dirties the folio).
    case mutationStarted(mutator: Int, location: WordLocation)
    /// The mutator's change of the word that `mutationStarted` announced is done.
    case mutationEnded(mutator: Int, location: WordLocation)
    /// The reader's call starts: its read of the call's first block is to come; `direct` for an O_DIRECT read.
    case readCall(reader: Int, direct: Bool)
    /// The reader's call has returned; `failed` when it returned EIO.
    case readReturned(reader: Int, failed: Bool)
    /// An O_DIRECT write's bio was submitted from user memory: a writer's direct or bounce bio is in flight.
    case directSubmission
    /// Writeback of the folio of file block `block` starts.
    case writeback(block: Int)
    /// The checksums of a bio are computed: the checksum of its first block.
    case checksum
    /// A bio completes, with or without an I/O error.
    case complete
    /// Power is lost (§10).
    case crash

    /// The kind of call a writer's script step is.
    package enum WriterCall: Hashable, Sendable {
        /// A `dio-write`.
        case directWrite
        /// A `write`.
        case write
        /// An `fsync`.
        case fsync
    }

    /// The event's kind.
    package var kind: EventKind {
        switch self {
        case .call(_, .directWrite): .directWrite
        case .call(_, .write): .write
        case .call(_, .fsync): .fsync
        case .returned: .returned
        case .mutate, .mutationStarted, .mutationEnded: .mutate
        case .readCall(_, let direct): direct ? .directRead : .read
        case .readReturned: .readReturned
        case .directSubmission: .directSubmission
        case .writeback: .writeback
        case .checksum: .checksum
        case .complete: .complete
        case .crash: .crash
        }
    }
}
