/// The keys one kind of mapping may hold, taken from its `ModelFileKey` enum: what the schema
/// states of the mapping.
struct MappingShape: Sendable {
    /// A key and what it holds.
    struct Key: Sendable {
        /// The key as a model file spells it.
        var name: String
        /// Its value, whether it must be given, and what it means.
        var declaration: KeyDeclaration
    }

    /// The mapping's name among the schema's definitions.
    var definition: String
    /// What the mapping is, in a sentence.
    var summary: String
    /// The keys, in their enum's order, those written alone included.
    var keys: [Key]
    /// Whether the mapping gives exactly one of its keys.
    var takesOne: Bool

    /// The mapping of the keys of `type`.
    init<Kind: ModelFileKey>(_ type: Kind.Type) {
        definition = Kind.definition
        summary = Kind.summary
        keys = Kind.allCases.map { Key(name: $0.rawValue, declaration: $0.declaration) }
        takesOne = Kind.takesOne
    }

    /// The keys written with a value: the mapping's properties.
    var valuedKeys: [Key] {
        keys.filter { if case .alone = $0.declaration.shape { false } else { true } }
    }

    /// The keys written alone, as items of a sequence, never in a mapping.
    var aloneKeys: [Key] {
        keys.filter { if case .alone = $0.declaration.shape { true } else { false } }
    }
}
