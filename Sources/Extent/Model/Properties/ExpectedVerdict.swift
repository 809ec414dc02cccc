/// The verdict an author expects for one property under one policy.
public enum ExpectedVerdict: String, Hashable, Sendable, Codable {
    /// The property holds: no reachable state violates it (for `sometimes`: some reachable state is an example).
    case holds
    /// The property is violated: some reachable state violates it (for `sometimes`: no state is an example).
    case violated
    /// A `sometimes` property's example is reachable: its verdict is `holds`, said as the author means it.
    case witnessed

    /// Whether a property of `kind` whose verdict is `verdictHolds` (true: holds, false: violated) meets
    /// this expectation.
    public func isMet(by kind: ExtentProperty.Kind, holds verdictHolds: Bool) -> Bool {
        switch self {
        case .holds: verdictHolds
        case .violated: !verdictHolds
        case .witnessed: kind == .sometimes && verdictHolds
        }
    }
}
