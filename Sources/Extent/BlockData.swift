/// The words of one block somewhere in a state: a buffer's, a folio's, a mirror's, or what a bio
/// computed or received. An opaque term, compared through `StateView`.
public struct BlockData: Sendable {
    let state: ExtentState
    let start: Int
    let count: Int

    /// The block's words, in order.
    public var words: [Word] { (start..<(start + count)).map { Word(term: state[$0]) } }

    /// Word `index` of the block.
    public func word(_ index: Int) -> Word {
        precondition(index >= 0 && index < count, "word \(index) of a block of \(count) words")
        return Word(term: state[start + index])
    }

    /// The words' terms, for the oracle.
    var terms: [UInt32] { Array(state.slots[start..<(start + count)]) }

    /// Whether `self` and `other` are the same terms word for word: equal whatever values the variables take.
    func isIdentical(to other: BlockData) -> Bool {
        guard count == other.count else { return false }
        for index in 0..<count where state[start + index] != other.state[other.start + index] { return false }
        return true
    }
}
