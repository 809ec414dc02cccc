/// The stored file of a state: its committed blocks, indexed by file block.
public struct StoredFile: RandomAccessCollection {
    let view: StateView

    /// The first file block, 0.
    public var startIndex: Int { 0 }
    /// The number of blocks of the file.
    public var endIndex: Int { view.geometry.blocks }

    /// Stored block `block`.
    public subscript(block: Int) -> StoredBlock {
        precondition(block >= 0 && block < endIndex, "stored block \(block) of a file of \(endIndex) blocks")
        return StoredBlock(view: view, index: block)
    }
}

/// One committed block of the stored file: its data on every mirror and its stored checksum, if any.
public struct StoredBlock {
    let view: StateView
    /// The file block.
    public let index: Int

    /// The block's data on mirror `mirror` (mirrors are numbered from 0).
    public func mirror(_ mirror: Int) -> BlockData {
        precondition(mirror >= 0 && mirror < view.geometry.mirrors, "mirror \(mirror) of \(view.geometry.mirrors)")
        return view.block(at: view.layout.storedWord(index, mirror: mirror, 0))
    }

    /// The block's data on every mirror, mirror 0 first.
    public var mirrors: [BlockData] { (0..<view.geometry.mirrors).map(mirror) }

    /// The stored checksum, or nil where the block is stored without one.
    public var checksum: Checksum? {
        view.blockIfPresent(at: view.layout.storedChecksum(index, 0)).map(Checksum.init)
    }
}
