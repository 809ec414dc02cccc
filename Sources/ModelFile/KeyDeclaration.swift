/// What a key of a model file holds: the shape of its value, whether it must be given, its default,
/// and what it means, in a sentence an editor shows beside the key.
struct KeyDeclaration: Sendable {
    /// The shape of the key's value.
    var shape: ValueShape
    /// What the key means, in a sentence or two.
    var summary: String
    /// Whether a mapping that may hold the key must give it.
    var isRequired: Bool
    /// The value the key takes when it is not given, where that is one value.
    var defaultValue: JSONValue?

    /// Creates a declaration.
    init(_ shape: ValueShape, _ summary: String, required: Bool = false, default defaultValue: JSONValue? = nil) {
        self.shape = shape
        self.summary = summary
        self.isRequired = required
        self.defaultValue = defaultValue
    }
}
