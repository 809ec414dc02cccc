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
    /// The data mode the model was checked in, as model files spell it: `symbolic` or `concrete:K`.
    public var data: String
    /// The crashes the model was checked with (§10): power may be lost this many times.
    public var crashes: Int
    /// The model's digest as checked: a trace records it, and a replay says when the model has changed since.
    public var digest: String
    /// The reductions every policy's search made, in words, e.g. `por` or
    /// `symmetry (interchangeable: writer-1 = writer-2)`; nil for none. A reduced search counts
    /// fewer states and transitions than the model has.
    public var reductions: [String]?
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

    /// Every trace of the report, each with what it takes to replay it, in the report's order.
    public var traceDocuments: [TraceDocument] {
        policies.flatMap { policy in
            policy.results.compactMap { result in
                result.trace.map { trace in
                    TraceDocument(
                        model: model, file: file, modelDigest: digest, policy: policy.policy, property: result.property,
                        kind: result.kind, data: data, crashes: crashes, trace: trace)
                }
            }
        }
    }
}
