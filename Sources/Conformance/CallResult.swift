/// How a logged call returned.
public enum CallResult: String, Hashable, Sendable, Codable {
    /// It succeeded.
    case ok
    /// A write or `fsync` returned an I/O error.
    case error
    /// A read returned EIO.
    case eio
}
