/// The results of one model file: every policy it was checked under.
public struct ModelReport: Hashable, Sendable, Codable {
    /// The model's name.
    public var model: String
    /// The file it was loaded from, if any.
    public var file: String?
    /// What the model stands for.
    public var about: String
    /// The model's shape and data mode in words, e.g. `1 block of 1 × 32-bit word, 1 mirror, symbolic, crc32c`.
    public var shape: String
    /// The results per policy, in the model's order.
    public var policies: [PolicyReport]

    /// The worst status among the results.
    public var status: ResultStatus { policies.map(\.status).max() ?? .asExpected }
}

extension ModelReport {
    /// The report of the policy named `policy`, if it was checked.
    public func policy(named policy: String) -> PolicyReport? {
        policies.first { $0.policy == policy }
    }
}
