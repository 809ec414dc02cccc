/// Options that do not fit the model they are applied to.
public enum CheckError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A policy named in the options is neither built in nor defined by the model.
    case unknownPolicy(String, known: [String])
    /// An invariant named in the options is not among the model's invariants.
    case invariantNotInModel(String, model: String)

    /// The error in words.
    public var description: String {
        switch self {
        case .unknownPolicy(let name, let known):
            "unknown policy '\(name)'; the model lists: \(known.joined(separator: ", "))"
        case .invariantNotInModel(let name, let model):
            "invariant '\(name)' is not among the invariants of model '\(model)'"
        }
    }
}
