/// A user buffer in one state: its words, block by block.
public struct BufferView {
    let view: StateView
    /// The buffer's index among the scenario's buffers.
    public let index: Int

    /// The buffer's name, as the scenario gives it.
    public var name: String { view.model.scenario.buffers[index].name }
    /// The buffer's length in blocks.
    public var blocks: Int { view.model.scenario.buffers[index].blocks }

    /// Block `block` of the buffer (blocks of a buffer are numbered from 0); throws for a block past its end.
    public func block(_ block: Int) throws(ViewAccessError) -> BlockData {
        try ViewAccessError.check(block, of: blocks, "block", in: "buffer \(name)")
        return data(block: block)
    }

    /// Block `block` of the buffer, which the caller knows it has.
    func data(block: Int) -> BlockData {
        view.block(at: view.layout.start(of: .buffer(index, block: block)))
    }
}
