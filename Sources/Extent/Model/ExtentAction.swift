/// One atomic step of the contract's §2.
@_spi(Search) public enum ExtentAction: Hashable, Sendable {
    /// The writer runs the step of its script at `step`: a `dio-write`, `write` or `fsync`.
    case writerStep(writer: Int, step: Int)
    /// The flusher starts writeback of the folio of file block `block`.
    case writeback(block: Int)
    /// The kernel computes the checksum of the bio's `index`-th block.
    case checksum(BioOwner, index: Int)
    /// The device transfers the bio's `index`-th block to `mirror`.
    case transfer(BioOwner, mirror: Int, index: Int)
    /// The kernel completes the bio: its data and checksums become the stored file.
    case complete(BioOwner)
    /// The kernel completes the bio with an I/O error: its verify or the device's check failed (§8),
    /// nothing is stored, and the waiting writer's call returns the error.
    case failedCompletion(BioOwner)
    /// The mutator changes a word; `value` is the concrete value, or nil for a fresh symbolic one.
    case mutate(mutator: Int, location: WordLocation, value: UInt32?)
    /// The reader reads the block it is at (§9): from its cached folio, for a `read`, else a device
    /// read of the block starts.
    case read(reader: Int)
    /// The reader's device read fetches its block from `mirror`.
    case fetch(reader: Int, mirror: Int)
    /// The reader checks what it fetched against the block's stored checksum; `passes` is the outcome.
    case check(reader: Int, passes: Bool)
    /// The reader rewrites `mirror`, which failed its check, from what its read returns.
    case repair(reader: Int, mirror: Int)
    /// The reader's read of its block ends: with the data, or with EIO after every check failed.
    case endRead(reader: Int)
    /// The scrubber scrubs the block it is at; `failing` holds a bit for every mirror whose data fails
    /// the block's checksum (`scrub: checksums`; none under `compare-copies`, which compares no checksum).
    case scrub(scrubber: Int, failing: UInt32)
    /// Power is lost, then the file is mounted again (§10): folios and bios in flight are dropped (an
    /// `in-place` bio's transfers stay on the media), `resync` copies the first mirror over the
    /// others, writers and mutators stop.
    case crash
}
