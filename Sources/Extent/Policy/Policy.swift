/// A write-path policy: where an O_DIRECT write's data comes from, which
/// writes are checksummed, and whether folios stay stable under writeback.
///
/// A policy is one row of the policy table; `Policy.columns` lists its columns, and
/// `Policy.builtIn` the contract's rows.
public struct Policy: Hashable, Sendable {
    /// The path an O_DIRECT write takes.
    public enum DirectIOPath: String, Hashable, Sendable, CaseIterable {
        /// The bio reads the user buffer itself, while it is in flight.
        case direct
        /// The bio reads a kernel copy of the buffer taken at submission.
        case bounce
        /// The write goes through the page cache, as a buffered write does.
        case buffered
        /// Buffered when the file has more than one mirror, else direct.
        case bufferedIfMirrored = "buffered-if-mirrored"
        /// A bounce copy when the file has more than one mirror, else direct.
        case bounceIfMirrored = "bounce-if-mirrored"
    }

    /// Whether the `complete` of a direct bio re-reads its source and compares checksums first (§8).
    public enum Verify: String, Hashable, Sendable, CaseIterable {
        /// No verify: the bio completes as it is.
        case none
        /// OpenZFS's Direct I/O verify: H of the source now must equal each block's computed checksum,
        /// or the bio fails.
        case afterDMA = "after-dma"
    }

    /// Whether the device checks what it received against the bio's checksums (§8).
    public enum DeviceCheck: String, Hashable, Sendable, CaseIterable {
        /// No check.
        case none
        /// A T10 PI guard tag: H of what each mirror received must equal the block's checksum, or the
        /// device rejects the write and the bio fails.
        case `guard`
    }

    /// Whether a user buffer may change while a direct bio reads it (§8).
    public enum UserPages: String, Hashable, Sendable, CaseIterable {
        /// The buffer's owner may write it at any time.
        case writable
        /// The pages are write-protected for the I/O: a mutator of the buffer waits for its direct bio to complete.
        case writeProtected = "write-protected"
    }

    /// What a writeback bio reads (§8).
    public enum WritebackSource: String, Hashable, Sendable, CaseIterable {
        /// The folio itself, live.
        case folio
        /// A copy of the folio taken when writeback starts.
        case copy
    }

    /// Where an O_DIRECT read's device read lands (§9).
    public enum DirectRead: String, Hashable, Sendable, CaseIterable {
        /// In the reader's buffer itself: the check runs over pages the reader can change.
        case userPages = "user-pages"
        /// In a kernel page, copied into the reader's buffer when the read ends.
        case bounce
    }

    /// What a read does when a mirror's data fails its checksum (§9).
    public enum ReadFailure: String, Hashable, Sendable, CaseIterable {
        /// Tries another mirror not yet tried; EIO when none is left (btrfs, md).
        case nextMirror = "next-mirror"
        /// Reads once more, from any mirror, into a kernel page, and checks that; EIO if it fails too
        /// (OpenZFS through its ARC).
        case rereadStable = "reread-stable"
    }

    /// Whether a read that succeeds rewrites the mirrors that failed it (§9).
    public enum ReadRepair: String, Hashable, Sendable, CaseIterable {
        /// Each failed mirror is rewritten from what the read returns, before the read returns (btrfs).
        case yes
        /// Failed mirrors are left as they are.
        case no
    }

    /// What a scrub compares (§9).
    public enum Scrub: String, Hashable, Sendable, CaseIterable {
        /// Every mirror of a checksummed block against its checksum; a failing mirror is rewritten from
        /// one that checks. Blocks without checksum are not compared (btrfs scrub).
        case checksums
        /// The mirrors against each other; a difference is reported, nothing is rewritten (md `check`).
        case compareCopies = "compare-copies"
    }

    /// Where a write of a block lands (§10): what a crash leaves of a write in flight.
    public enum Overwrite: String, Hashable, Sendable, CaseIterable {
        /// In a new extent, committed only when the write completes: a crash leaves the old data
        /// (btrfs data).
        case cow
        /// Over the old data: every transfer the device made before a crash is on the media (NOCOW,
        /// md).
        case inPlace = "in-place"
    }

    /// What the next mount does after a crash (§10).
    public enum CrashRecovery: String, Hashable, Sendable, CaseIterable {
        /// Nothing: the copies stay as the crash left them (btrfs NOCOW data).
        case none
        /// Every block's first mirror is copied over the others (md's resync of an unclean array).
        case resync
    }

    /// The policy's name.
    public var name: String
    /// The path an O_DIRECT write takes.
    public var directIOPath: DirectIOPath
    /// Whether data written by O_DIRECT (direct or bounce) is checksummed.
    public var directIOChecksum: Bool
    /// Whether data written back from the page cache is checksummed.
    public var bufferedChecksum: Bool
    /// Whether folios under writeback are held stable (AS_STABLE_WRITES).
    public var stablePages: Bool
    /// Whether a direct bio's `complete` verifies its checksums against the source first.
    public var verify: Verify
    /// Whether the device checks what it received against the bio's checksums.
    public var deviceCheck: DeviceCheck
    /// Whether user buffers under a direct bio are write-protected.
    public var userPages: UserPages
    /// What a writeback bio reads.
    public var writebackSource: WritebackSource
    /// Where an O_DIRECT read's device read lands.
    public var directRead: DirectRead
    /// What a read does when a mirror fails its checksum.
    public var readFailure: ReadFailure
    /// Whether a read that succeeds rewrites the mirrors that failed it.
    public var readRepair: ReadRepair
    /// What a scrub compares.
    public var scrub: Scrub
    /// Where a write of a block lands: what a crash leaves of a write in flight.
    public var overwrite: Overwrite
    /// What the next mount does after a crash.
    public var crashRecovery: CrashRecovery
    /// What the policy stands for.
    public var summary: String

    /// Creates a policy from the columns of the policy table; the columns of §8, §9 and §10 default to
    /// the values that leave the rows of §3 as they are.
    public init(
        name: String,
        directIOPath: DirectIOPath,
        directIOChecksum: Bool,
        bufferedChecksum: Bool,
        stablePages: Bool,
        verify: Verify = .none,
        deviceCheck: DeviceCheck = .none,
        userPages: UserPages = .writable,
        writebackSource: WritebackSource = .folio,
        directRead: DirectRead = .userPages,
        readFailure: ReadFailure = .nextMirror,
        readRepair: ReadRepair = .yes,
        scrub: Scrub = .checksums,
        overwrite: Overwrite = .cow,
        crashRecovery: CrashRecovery = .none,
        summary: String = ""
    ) {
        self.name = name
        self.directIOPath = directIOPath
        self.directIOChecksum = directIOChecksum
        self.bufferedChecksum = bufferedChecksum
        self.stablePages = stablePages
        self.verify = verify
        self.deviceCheck = deviceCheck
        self.userPages = userPages
        self.writebackSource = writebackSource
        self.directRead = directRead
        self.readFailure = readFailure
        self.readRepair = readRepair
        self.scrub = scrub
        self.overwrite = overwrite
        self.crashRecovery = crashRecovery
        self.summary = summary
    }

    /// Whether the policy checksums any data: then stored blocks start with a checksum.
    public var checksumsAnything: Bool { directIOChecksum || bufferedChecksum }

    /// Whether a `complete` may fail: the policy verifies or the device checks.
    public var checksCompletions: Bool { verify != .none || deviceCheck != .none }
}
