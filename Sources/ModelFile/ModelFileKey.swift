/// A key of one kind of mapping in a model file, declared once with its value and meaning.
///
/// Each kind of mapping (the top level, an actor, a step, a write's arguments, a mutator, a custom
/// policy) is one enum of these in `KeyTable`. The reader accepts exactly its cases at that place
/// and lists them when it refuses another key; `ModelFileSchema` lists them with their shapes and
/// summaries. The cases' order is the order messages and the schema list them in.
protocol ModelFileKey: RawRepresentable, CaseIterable, Sendable
where RawValue == String, AllCases == [Self] {
    /// The mapping's name among the schema's definitions, e.g. `write-arguments`.
    static var definition: String { get }
    /// What a mapping of these keys is, in a sentence.
    static var summary: String { get }
    /// Whether a mapping gives exactly one of these keys (an actor's role, a step) rather than any of them.
    static var takesOne: Bool { get }
    /// The key's value, whether it must be given, and what it means.
    var declaration: KeyDeclaration { get }
}

extension ModelFileKey {
    /// Any of the keys may be given, unless a kind of mapping says that it takes one.
    static var takesOne: Bool { false }

    /// The keys as a model file spells them, in order.
    static var names: [String] { allCases.map(\.rawValue) }
}
