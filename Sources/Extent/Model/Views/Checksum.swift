/// A checksum H(data) as an opaque term: a stored checksum, one a bio computed, or one made with
/// `StateView.checksum(of:)`. A checksum is kept as the words it was computed over, so comparing
/// two checksums asks whether H can differ on them.
public struct Checksum: Sendable {
    /// The words the checksum was computed over.
    public let data: BlockData
}
