/// A user buffer in one state: its words, block by block.
public struct BufferView {
    let view: StateView
    /// The buffer's index among the scenario's buffers.
    public let index: Int

    /// The buffer's name, as the scenario gives it.
    public var name: String { view.model.scenario.buffers[index].name }
    /// The buffer's length in blocks.
    public var blocks: Int { view.model.scenario.buffers[index].blocks }

    /// Block `block` of the buffer (blocks of a buffer are numbered from 0).
    public func block(_ block: Int) -> BlockData {
        precondition(block >= 0 && block < blocks, "block \(block) of buffer \(name), which has \(blocks)")
        return view.block(at: view.layout.start(of: .buffer(index, block: block)))
    }
}
