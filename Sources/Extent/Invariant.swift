/// A property decided at every reachable state of a scenario.
public enum Invariant: String, Hashable, Sendable, CaseIterable, Codable {
    /// Every stored checksum matches its block's data on every mirror.
    case csumMatchesData = "csum-matches-data"
    /// With two mirrors, both copies of every stored block agree.
    case mirrorsAgree = "mirrors-agree"
    /// Every block a write stores has a checksum.
    case checksummed
    /// No state has every step disabled while a writer has not finished.
    case noDeadlock = "no-deadlock"

    /// What a violation means, in a file-system engineer's words.
    public var meaning: String {
        switch self {
        case .csumMatchesData:
            "a stored checksum disagrees with its stored data: reads of the block fail with EIO"
        case .mirrorsAgree:
            "the mirrors of a stored block differ: reads return different data per mirror"
        case .checksummed:
            "a write stored a block without a checksum: damage to it would go undetected"
        case .noDeadlock:
            "no step can run, yet a writer has not finished its script"
        }
    }
}

/// The verdict an author expects for one invariant under one policy.
public enum ExpectedVerdict: String, Hashable, Sendable, Codable {
    /// No reachable state violates the invariant.
    case holds
    /// Some reachable state violates the invariant.
    case violated
}
