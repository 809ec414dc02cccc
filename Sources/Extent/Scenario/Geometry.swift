/// The shape of the modelled file: how many blocks, how many words a block
/// holds, how wide a word is, and how many copies the device keeps.
public struct Geometry: Hashable, Sendable, Codable {
    /// The number of blocks in the file (default 2).
    public var blocks: Int
    /// The number of words in every block (default 1).
    public var blockWords: Int
    /// The width of a word in bits, 1 through 64 (default 32).
    public var wordBits: Int
    /// The number of copies of every stored block: 1, or 2 for RAID1/DUP (default 1).
    public var mirrors: Int

    /// Creates a geometry; the defaults are the contract's.
    public init(blocks: Int = 2, blockWords: Int = 1, wordBits: Int = 32, mirrors: Int = 1) {
        self.blocks = blocks
        self.blockWords = blockWords
        self.wordBits = wordBits
        self.mirrors = mirrors
    }

    /// The largest supported number of blocks in a file.
    public static let maximumBlocks = 16
    /// The largest supported number of words in a block.
    public static let maximumBlockWords = 8
}
