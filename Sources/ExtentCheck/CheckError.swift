public import Extent

/// Options or properties that do not fit the model they are applied to.
public enum CheckError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A policy named in the options is neither built in nor defined by the model.
    case unknownPolicy(String, known: [String])
    /// A property named in the options is neither among the model's invariants nor the checker's properties.
    case propertyNotInModel(String, model: String, known: [String])
    /// A property given to the checker has the name of one the model already decides.
    case duplicateProperty(String, model: String)
    /// The data mode the options ask for cannot be used on the model.
    case dataMode(String, model: String)
    /// A reduction was asked of a check that decides a property stated in Swift, whose verdict it may change.
    case reductionWithSwiftProperty(Reduction, property: String)
    /// A property that is not a `sometimes` property is expected `witnessed`, which only an example can be.
    case witnessedExpectation(property: String, kind: ExtentProperty.Kind)
    /// A graph was asked of a model that reaches more states than the limit allows.
    case tooManyStates(model: String, policy: String, limit: Int)

    /// The error in words.
    public var description: String {
        switch self {
        case .unknownPolicy(let name, let known):
            "unknown policy '\(name)'; the model lists: \(known.joined(separator: ", "))"
        case .propertyNotInModel(let name, let model, let known):
            "property '\(name)' is not among the properties of model '\(model)': \(known.joined(separator: ", "))"
        case .duplicateProperty(let name, let model):
            "property '\(name)' is already a property of model '\(model)'; give it another name"
        case .dataMode(let problem, let model):
            "model '\(model)': \(problem)"
        case .reductionWithSwiftProperty(let reduction, let property):
            "--reduce \(reduction) keeps the verdicts of built-in invariants only, and '\(property)' is stated in Swift; "
                + "check it without reductions"
        case .witnessedExpectation(let property, let kind):
            "property '\(property)' is \(kind.rawValue) and is expected witnessed, which only a sometimes property can be; "
                + "expect holds or violated"
        case .tooManyStates(let model, let policy, let limit):
            "model '\(model)' under \(policy) reaches more than \(limit) states, too many to draw; "
                + "raise --max-states, or draw a smaller model"
        }
    }
}
