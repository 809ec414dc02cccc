/// A named user buffer: the memory an O_DIRECT or buffered write reads from.
public struct Buffer: Hashable, Sendable {
    /// The buffer's name, as the model file gives it.
    public var name: String
    /// The buffer's length in blocks.
    public var blocks: Int

    /// Creates a buffer of `blocks` blocks.
    public init(name: String, blocks: Int) {
        self.name = name
        self.blocks = blocks
    }
}
