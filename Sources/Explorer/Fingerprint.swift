/// The 64-bit stable hash of a state, stored in the seen set in place of
/// the state itself.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The hash value.
    public var rawValue: UInt64

    /// Creates a fingerprint from its hash value.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The hash in hexadecimal.
    public var description: String {
        let hex = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The probability that `states` distinct states share a fingerprint
    /// somewhere in the seen set: about n²/2⁶⁵.
    public static func collisionProbability(states: Int) -> Double {
        let n = Double(states)
        return min(1, n * n / 0x1p65)
    }
}
