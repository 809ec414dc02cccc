/// How the checker remembers the states it has seen.
public enum StateStorage: String, Hashable, Sendable, CaseIterable {
    /// 64-bit fingerprints: small and fast; two states may collide with
    /// the probability the statistics report.
    case fingerprints
    /// The states themselves: exact, for small systems.
    case exact
}
