/// A word a mutator changes.
@_spi(Search) public enum WordLocation: Hashable, Sendable {
    /// Word `word` of the user buffer with this index.
    case buffer(Int, word: Int)
    /// Word `word` of the folio of file block `block`.
    case folio(block: Int, word: Int)
}
