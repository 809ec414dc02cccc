/// A word a mutator changes.
package enum WordLocation: Hashable, Sendable {
    /// Word `word` of the user buffer with this index.
    case buffer(Int, word: Int)
    /// Word `word` of the folio of file block `block`.
    case folio(block: Int, word: Int)
}
