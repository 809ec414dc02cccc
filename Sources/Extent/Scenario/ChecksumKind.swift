/// The function H that the file system stores as a block's checksum.
public enum ChecksumKind: String, Hashable, Sendable, CaseIterable {
    /// CRC-32C (Castagnoli) over the block's words, computed by Z3 as bit-vector arithmetic.
    case crc32c
    /// An uninterpreted function: a `holds` verdict then holds for every checksum algorithm.
    case uninterpreted
}
