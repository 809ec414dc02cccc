/// A value as an error message shows it: quoted, and short. A model file may hold a value of any
/// length, a line of 200 MB say, and a message that quotes it whole is no message.
package enum MessageValue {
    /// The most characters of a value a message quotes.
    package static let quotedLimit = 64
    /// The most bytes of a whole message or key path before its middle is left out: room for the lists
    /// of names a message offers, none of which is a long value, since values are `quoted(_:)`.
    package static let textLimit = 2_000

    /// `'value'`, or for a long value its start and its length: `'aaaa…' (209715200 bytes)`.
    package static func quoted(_ value: String) -> String {
        guard value.utf8.count > quotedLimit, case let prefix = value.prefix(quotedLimit), prefix.endIndex < value.endIndex
        else { return "'\(value)'" }
        return "'\(prefix)…' (\(value.utf8.count) bytes)"
    }

    /// `name`, or for a long name its start: `qqqq…`, a key of a key path.
    package static func abbreviated(_ name: String) -> String {
        guard name.utf8.count > quotedLimit, case let prefix = name.prefix(quotedLimit), prefix.endIndex < name.endIndex
        else { return name }
        return "\(prefix)…"
    }

    /// `text`, or for a long text its start and end around what is left out: a safety net for
    /// messages that name a long value without `quoted(_:)`.
    package static func shortened(_ text: String) -> String {
        guard text.utf8.count > textLimit else { return text }
        let head = text.prefix(textLimit * 3 / 4)
        let tail = text.suffix(textLimit / 4)
        guard head.endIndex < tail.startIndex else { return text }
        let left = text.utf8.count - head.utf8.count - tail.utf8.count
        return "\(head)… (\(left) bytes left out) …\(tail)"
    }
}
