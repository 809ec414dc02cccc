/// The kinds of event a log of a real run may record, named as logs name them (docs/conformance.md).
public enum EventKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// A writer's `dio-write` starts.
    case directWrite = "dio-write"
    /// A writer's buffered `write` starts.
    case write
    /// A writer's `fsync` starts.
    case fsync
    /// A writer's call returned.
    case returned = "return"
    /// A mutator changed a word.
    case mutate
    /// A reader's buffered read starts.
    case read
    /// A reader's O_DIRECT read starts.
    case directRead = "dio-read"
    /// A reader's call returned.
    case readReturned = "read-return"
    /// An O_DIRECT write's bio was submitted from user memory.
    case directSubmission = "dio-submit"
    /// Writeback of a folio starts.
    case writeback
    /// The checksums of a bio are computed.
    case checksum = "csum"
    /// A bio completes.
    case complete
    /// Power is lost.
    case crash
}
