/// How views show words and checksums in sentences: a property's finding, a state's parts. While
/// the search runs, symbolic words by name and concrete ones by value; in a trace, as the values a
/// witness gave them.
struct TermRenderer: Sendable {
    /// A word, e.g. `w0` or `0x7b1dcdaf`.
    var word: @Sendable (UInt32) -> String
    /// A checksum with the words it sums, e.g. `0x7ac286c0 = crc32c(0x7b1dcdaf)`.
    var checksum: @Sendable ([UInt32]) -> String
    /// A checksum's value alone, e.g. `0x7ac286c0`; as `checksum` where values are not known.
    var sum: @Sendable ([UInt32]) -> String

    /// A block's words: the word alone, or `[w0 w1 ...]`.
    func block(_ words: [UInt32]) -> String {
        words.count == 1 ? word(words[0]) : "[" + words.map(word).joined(separator: " ") + "]"
    }

    /// Concrete words as their values, checksums as `H(v ...)`.
    static let values = TermRenderer(word: { String($0) }, checksum: hashOfValues, sum: hashOfValues)

    /// Symbolic words by name, `w0`, `w1`, ...: what a property sees while the search runs.
    static let names = TermRenderer(word: { "w\($0)" }, checksum: hashOfNames, sum: hashOfNames)

    private static let hashOfValues: @Sendable ([UInt32]) -> String = { "H(\($0.map(String.init).joined(separator: " ")))" }
    private static let hashOfNames: @Sendable ([UInt32]) -> String = { "H(\($0.map { "w\($0)" }.joined(separator: " ")))" }
}
