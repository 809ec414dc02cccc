/// A way to explore fewer states of a model without changing any verdict of its built-in
/// invariants.
///
/// A reduced search counts fewer states and transitions than the model has, and its
/// counterexamples may be other shortest paths; every trace is still a run of the unreduced model.
public enum Reduction: String, CaseIterable, Hashable, Sendable, Codable {
    /// Interchangeable writers (the same script on buffers of the same size, with mutators in the
    /// same roles) and interchangeable mutators (one target, one budget) are explored in one order:
    /// a state stands for every state that renames them.
    case symmetry
    /// A step of a bio in flight that reads what no other actor can change and writes only the
    /// bio's own record is taken before every other step, rather than in every interleaving.
    case partialOrder = "por"
}

extension Reduction: CustomStringConvertible {
    /// The reduction's name, as `--reduce` spells it.
    public var description: String { rawValue }
}
