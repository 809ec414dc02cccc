/// The stored file of a state: its committed blocks, indexed by file block.
public struct StoredFile: RandomAccessCollection {
    let view: StateView

    /// The first file block, 0.
    public var startIndex: Int { 0 }
    /// The number of blocks of the file.
    public var endIndex: Int { view.layout.blocks }

    /// Stored block `block`.
    public subscript(block: Int) -> StoredBlock {
        precondition(block >= 0 && block < endIndex, "stored block \(block) of a file of \(endIndex) blocks")
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

    /// The block's data on mirror `mirror` (mirrors are numbered from 0).
    public func mirror(_ mirror: Int) -> BlockData {
        precondition(mirror >= 0 && mirror < mirrorCount, "mirror \(mirror) of \(mirrorCount)")
        return mirror == 0 ? first : second!
    }

    /// The block's data on every mirror, mirror 0 first.
    public var mirrors: [BlockData] { [first] + (second.map { [$0] } ?? []) }
}
