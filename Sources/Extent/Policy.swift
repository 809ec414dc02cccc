/// A write-path policy: where an O_DIRECT write's data comes from, which
/// writes are checksummed, and whether folios stay stable under writeback.
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
    /// What the policy stands for.
    public var summary: String

    /// Creates a policy from the columns of the policy table.
    public init(
        name: String,
        directIOPath: DirectIOPath,
        directIOChecksum: Bool,
        bufferedChecksum: Bool,
        stablePages: Bool,
        summary: String = ""
    ) {
        self.name = name
        self.directIOPath = directIOPath
        self.directIOChecksum = directIOChecksum
        self.bufferedChecksum = bufferedChecksum
        self.stablePages = stablePages
        self.summary = summary
    }

    /// Whether the policy checksums any data: then stored blocks start with a checksum.
    public var checksumsAnything: Bool { directIOChecksum || bufferedChecksum }
}
