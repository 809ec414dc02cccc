/// The words of one block somewhere in a state: a buffer's, a folio's, a mirror's, or what a bio
/// computed or received. An opaque term, compared through `StateView`.
///
/// A plain value: the words are held inline (a block has at most `Geometry.maximumBlockWords`),
/// so views hand blocks out without reference counting.
public struct BlockData: Sendable {
    /// The number of words.
    let count: Int
    /// The words' terms, zero past `count`, so that two blocks of one length are identical when their storage is.
    private var storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// The `count` words of `state` from slot `start`.
    init(_ state: ExtentState, start: Int, count: Int) {
        precondition(count <= 8, "a block holds at most 8 words")
        self.count = count
        state.slots.withUnsafeBufferPointer { slots in
            withUnsafeMutableBytes(of: &storage) { words in
                for index in 0..<count { words.storeBytes(of: slots[start + index], toByteOffset: index * 4, as: UInt32.self) }
            }
        }
    }

    /// A block of the given terms.
    init(terms: [UInt32]) {
        precondition(terms.count <= 8, "a block holds at most 8 words")
        count = terms.count
        withUnsafeMutableBytes(of: &storage) { words in
            for (index, term) in terms.enumerated() { words.storeBytes(of: term, toByteOffset: index * 4, as: UInt32.self) }
        }
    }

    /// A block of the one word `term`.
    init(term: UInt32) {
        count = 1
        storage.0 = term
    }

    /// The term of word `index`.
    func term(_ index: Int) -> UInt32 {
        var storage = storage
        return withUnsafeBytes(of: &storage) { $0.load(fromByteOffset: index * 4, as: UInt32.self) }
    }

    /// The block's words, in order.
    public var words: [Word] { (0..<count).map { Word(term: term($0)) } }

    /// Word `index` of the block; throws for a word past its end.
    public func word(_ index: Int) throws(ViewAccessError) -> Word {
        try ViewAccessError.check(index, of: count, "word", in: "a block")
        return Word(term: term(index))
    }

    /// The words' terms, for the oracle.
    var terms: [UInt32] { (0..<count).map(term) }

    /// Whether `self` and `other` are the same terms word for word: equal whatever values the variables take.
    func isIdentical(to other: BlockData) -> Bool {
        let (a, b) = (storage, other.storage)
        return count == other.count && a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3
            && a.4 == b.4 && a.5 == b.5 && a.6 == b.6 && a.7 == b.7
    }
}
