extension Geometry {
    /// The supported numbers of mirrors.
    public static let supportedMirrors = 1...2
    /// The supported widths of a word, in bits.
    public static let supportedWordBits = 1...64

    /// The first field outside the supported sizes, in the order blocks, block words, word bits,
    /// mirrors, and why; nil when every field is supported.
    package var fault: ScenarioError.Fault? {
        if !(1...Self.maximumBlocks).contains(blocks) {
            return .init(.blocks, "blocks must be 1 through \(Self.maximumBlocks), found \(blocks)")
        }
        if !(1...Self.maximumBlockWords).contains(blockWords) {
            return .init(.blockWords, "block-words must be 1 through \(Self.maximumBlockWords), found \(blockWords)")
        }
        if !Self.supportedWordBits.contains(wordBits) {
            return .init(
                .wordBits,
                "word-bits must be \(Self.supportedWordBits.lowerBound) through \(Self.supportedWordBits.upperBound), found \(wordBits)")
        }
        if !Self.supportedMirrors.contains(mirrors) {
            return .init(
                .mirrors,
                "mirrors must be \(Self.supportedMirrors.lowerBound) or \(Self.supportedMirrors.upperBound), found \(mirrors)")
        }
        return nil
    }
}
