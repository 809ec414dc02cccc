/// The verdict an author expects for one property under one policy.
public enum ExpectedVerdict: String, Hashable, Sendable, Codable {
    /// The property holds: no reachable state violates it (for `sometimes`: some reachable state is an example).
    case holds
    /// The property is violated: some reachable state violates it (for `sometimes`: no state is an example).
    case violated
}
