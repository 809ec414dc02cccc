/// A coding key that is any string: the keys of JSON objects whose fields are data (a record's
/// fields, a state's variables), not a fixed set.
package struct StringCodingKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }

    package init(_ string: String) { stringValue = string }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}
