/// How a trace shows words and checksums: as text for people, the views' `terms`, and as values
/// for tools, in its states' snapshots. Hexadecimal values Z3 chose in symbolic mode, the values
/// themselves in concrete mode.
struct TraceRendering: Sendable {
    /// Words and checksums as text.
    var terms: TermRenderer
    /// A word for tools: its value, or in a search's views its name.
    var value: @Sendable (UInt32) -> TraceValue
    /// A checksum's value for tools; nil where H is left abstract (concrete data) or values are not known.
    var sumValue: @Sendable ([UInt32]) -> TraceValue?

    /// Concrete words as their values; checksums without a value.
    static let values = TraceRendering(terms: .values, value: { .integer(UInt64($0)) }, sumValue: { _ in nil })

    /// Symbolic words by name, `w0`, `w1`, ..., checksums' values as `checksumPlaceholder`.
    static let names = TraceRendering(
        terms: .names, value: { .string("w\($0)") }, sumValue: { _ in .string(checksumPlaceholder) })

    /// What `names` shows for a checksum's value: it is derived from the words, not read.
    static let checksumPlaceholder = "H"

    /// As a search's views show terms: by name in symbolic mode, by value in concrete mode.
    static func searching(_ model: ExtentModel) -> TraceRendering {
        model.concreteValues == nil ? .names : .values
    }

    /// Words and checksums shown as the values given: hexadecimal, checksums as `0x… = crc32c(…)`,
    /// words with every hexadecimal digit of `geometry`'s words.
    init(values: [UInt32: UInt64], sums: [[UInt32]: UInt64], geometry: Geometry, checksum: ChecksumKind) {
        let digits = Self.wordDigits(geometry)
        let checksumName = checksum.rawValue
        terms = TermRenderer(
            word: { Self.hex(values[$0] ?? 0, digits: digits) },
            checksum: { words in
                let sum = sums[words].map { Self.hex($0, digits: 8) } ?? "?"
                let data = words.map { Self.hex(values[$0] ?? 0, digits: digits) }.joined(separator: " ")
                return "\(sum) = \(checksumName)(\(data))"
            },
            sum: { words in sums[words].map { Self.hex($0, digits: 8) } ?? "?" })
        value = { .integer(values[$0] ?? 0) }
        sumValue = { words in sums[words].map(TraceValue.integer) }
    }

    private init(
        terms: TermRenderer, value: @escaping @Sendable (UInt32) -> TraceValue,
        sumValue: @escaping @Sendable ([UInt32]) -> TraceValue?
    ) {
        self.terms = terms
        self.value = value
        self.sumValue = sumValue
    }

    /// The hexadecimal digits of a word of `geometry`: a word's value is shown with all of them.
    static func wordDigits(_ geometry: Geometry) -> Int { (geometry.wordBits + 3) / 4 }

    /// `value` as `0x` and at least `digits` hexadecimal digits: how traces show words and checksums.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
