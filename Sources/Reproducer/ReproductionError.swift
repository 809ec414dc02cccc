/// Why no reproduction can be built.
public enum ReproductionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The report has no result for the policy.
    case policyNotChecked(String, checked: [String])
    /// The model does not decide the invariant.
    case invariantNotInModel(String, model: String, known: [String])
    /// The invariant is a property stated in Swift: it has no counterpart on a kernel.
    case notBuiltIn(String)
    /// The model may crash (§10): a program on a running kernel cannot lose power.
    case crashes(model: String, count: Int)

    /// The error as a sentence.
    public var description: String {
        switch self {
        case .policyNotChecked(let policy, let checked):
            "policy \(policy) was not checked (checked: \(checked.joined(separator: ", ")))"
        case .invariantNotInModel(let invariant, let model, let known):
            "model \(model) does not decide invariant \(invariant); it decides \(known.joined(separator: ", "))"
        case .notBuiltIn(let invariant):
            "\(invariant) is a property stated in Swift: a kernel shows only the built-in invariants"
        case .crashes(let model, let count):
            "model \(model) is checked with crashes: \(count), and a program cannot cut the power of the kernel it"
                + " runs on; a copy of the model with crashes: 0 reproduces its races, and fidelity/ has"
                + " crash tests, which replay a recorded run up to each point a crash may come at"
        }
    }
}
