/// Where a reader is in its device read of one block (§9), as one slot: the phase, the mirror it
/// fetched last, the mirrors it tried, and the mirrors that failed it and wait for their repair.
///
/// Only what the read's next steps depend on is kept: once the check has passed, which mirrors were
/// tried and which was fetched last no longer matter, and after an EIO nothing does.
struct ReadProgress: Hashable, Sendable {
    /// The step a device read waits for.
    enum Phase: UInt32 {
        /// No device read: the reader is ready to `read` the block it is at, or has finished.
        case idle = 0
        /// The device read waits for a `fetch`.
        case fetching = 1
        /// A `fetch` has landed; the `check` comes next.
        case fetched = 2
        /// The check passed: the repairs of the failed mirrors, then the `end`.
        case succeeded = 3
        /// No mirror is left to try: the `end` returns EIO.
        case failed = 4
    }

    var phase: Phase
    /// Whether the fetch to come, or the one made, is `reread-stable`'s second read into a kernel page.
    var rereads: Bool
    /// The mirror fetched last.
    var mirror: Int
    /// The mirrors fetched so far, as bits.
    var tried: UInt32
    /// The mirrors that failed the check and are to be repaired, as bits.
    var failed: UInt32

    init(phase: Phase = .idle, rereads: Bool = false, mirror: Int = 0, tried: UInt32 = 0, failed: UInt32 = 0) {
        self.phase = phase
        self.rereads = rereads
        self.mirror = mirror
        self.tried = tried
        self.failed = failed
    }

    /// The progress a slot holds.
    init(slot: UInt32) {
        self.init(
            phase: Phase(rawValue: slot & 7)!, rereads: slot & 8 != 0, mirror: Int((slot >> 4) & 0xF),
            tried: (slot >> 8) & 0xFF, failed: (slot >> 16) & 0xFF)
    }

    /// The slot that holds this progress.
    var slot: UInt32 {
        phase.rawValue | (rereads ? 8 : 0) | UInt32(mirror) << 4 | tried << 8 | failed << 16
    }

    /// Whether a device read of the reader's block is in progress: from its `read` to its `end`.
    var isReading: Bool { phase != .idle }
}
