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
    /// Steps no other actor can disturb are taken alone, rather than in every interleaving: a bio's
    /// checksum or transfer from a source no one else can write, a writeback of a folio no one can
    /// write any more, the changes to a buffer no one reads again.
    case partialOrder = "por"
}

extension Reduction: CustomStringConvertible {
    /// The reduction's name, as `--reduce` spells it.
    public var description: String { rawValue }
}
