/// The stored file of a state: its committed blocks, in file-block order.
public struct StoredFile: Sequence {
    let view: StateView

    /// The number of blocks of the file.
    public var count: Int { view.layout.blocks }

    /// The file's blocks, 0 first.
    public var indices: Range<Int> { 0..<count }

    /// Stored block `block`; throws for a block past the end of the file.
    public subscript(block: Int) -> StoredBlock {
        get throws(ViewAccessError) {
            try ViewAccessError.check(block, of: count, "stored block", in: "the file")
            return self.block(block)
        }
    }

    /// Stored block `block`, which the caller knows the file has.
    func block(_ block: Int) -> StoredBlock {
        let layout = view.layout
        let words = layout.blockWords
        let checksum = layout.start(of: .storedChecksum(block))
        return StoredBlock(
            index: block,
            first: BlockData(view.state, start: layout.start(of: .stored(block, mirror: 0)), count: words),
            second: layout.mirrors > 1 ? BlockData(view.state, start: layout.start(of: .stored(block, mirror: 1)), count: words) : nil,
            checksum: view.state[checksum] == StateLayout.none
                ? nil : Checksum(data: BlockData(view.state, start: checksum, count: words)))
    }

    /// The blocks in file order.
    public func makeIterator() -> some IteratorProtocol<StoredBlock> {
        indices.lazy.map(block).makeIterator()
    }
}

/// One committed block of the stored file: its data on every mirror and its stored checksum, if any.
/// A plain value, taken from the state when it is read.
public struct StoredBlock: Sendable {
    /// The file block.
    public let index: Int
    let first: BlockData
    let second: BlockData?
    /// The stored checksum, or nil where the block is stored without one.
    public let checksum: Checksum?

    /// The number of mirrors.
    public var mirrorCount: Int { second == nil ? 1 : 2 }

    /// The block's data on mirror `mirror` (mirrors are numbered from 0); throws for a mirror the model lacks.
    public func mirror(_ mirror: Int) throws(ViewAccessError) -> BlockData {
        try ViewAccessError.check(mirror, of: mirrorCount, "mirror", in: "stored block \(index)")
        return data(onMirror: mirror)
    }

    /// The block's data on `mirror`, which the caller knows the model has.
    func data(onMirror mirror: Int) -> BlockData {
        mirror == 0 ? first : second!
    }

    /// The block's data on every mirror, mirror 0 first.
    public var mirrors: [BlockData] { [first] + (second.map { [$0] } ?? []) }
}
