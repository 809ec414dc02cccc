/// The shape of a value in a model file, as the reader takes it and the JSON Schema states it.
///
/// Shapes say what the reader checks value by value: types, words, sizes. What relates values
/// to each other (a write from a buffer that exists, within the file) is `Scenario.validate()`'s
/// alone, and is left to it.
indirect enum ValueShape: Sendable {
    /// Nothing: the key is written alone, as an item of a sequence (`- fsync`), never with a value.
    case alone
    /// Any text.
    case text
    /// A name: 1 through `Scenario.maximumNameLength` characters, none of `excluded`.
    case name(excluding: [String])
    /// A plain decimal integer within the range.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case boolean
    /// One of these words.
    case word([String])
    /// Text that matches a regular expression (ECMA 262, as JSON Schema writes them).
    case pattern(String)
    /// A mapping of the keys of a kind, each with its own shape.
    case mapping(MappingShape)
    /// A mapping of names the file chooses, each of shape `name`, to values of shape `value`; at most
    /// `limit` of them when a limit is given.
    case names(ValueShape, value: ValueShape, limit: Int?)
    /// A sequence of values of one shape, with at least `minimum` items, at most `limit` when a
    /// limit is given, and no item twice when `unique`.
    case sequence(ValueShape, minimum: Int, limit: Int?, unique: Bool)
    /// A value of any of these shapes.
    case either([ValueShape])

    /// A name that may be any name.
    static let anyName = ValueShape.name(excluding: [])
}
