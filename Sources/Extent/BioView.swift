/// A bio in flight in one state: the file blocks it writes, where its data comes from, the
/// checksums computed so far and what the device has received per mirror.
public struct BioView {
    /// Where a bio's data comes from.
    public enum Source: Hashable, Sendable {
        /// The user buffer with this name, live: a direct O_DIRECT write.
        case buffer(String)
        /// A kernel copy of the named buffer, taken when the write was submitted.
        case bounceCopy(of: String)
        /// The folio of this file block: a writeback bio.
        case folio(Int)
        /// A copy of the folio of this file block, taken when its writeback started.
        case folioCopy(Int)
    }

    let view: StateView
    /// The bio's owner: the writer of a direct or bounce bio, or the folio of a writeback bio.
    public let owner: BioOwner
    let range: IORange

    /// The bio's name as traces show it: `bio WRITER` or `bio writeback-B`.
    public var name: String { view.model.name(of: owner) }
    /// The name of the writer whose `dio-write` the bio carries; nil for a writeback bio.
    public var writer: String? {
        if case .writer(let writer) = owner { view.model.writers[writer].name } else { nil }
    }
    /// The file blocks the bio writes.
    public var fileBlocks: Range<Int> { range.fileBlocks }
    /// Where the bio's data comes from.
    public var source: Source {
        switch owner {
        case .writer:
            let buffer = view.model.scenario.buffers[range.buffer].name
            return view.model.directIOPath == .bounce ? .bounceCopy(of: buffer) : .buffer(buffer)
        case .writeback(let block):
            return view.layout.writebackCopies ? .folioCopy(block) : .folio(block)
        }
    }
    /// Whether the policy computes checksums for this bio.
    public var isChecksummed: Bool { view.model.checksums(owner) }
    /// Whether the bio's `complete` first verifies its checksums against the source as it is then (§8).
    public var isVerifiedAtCompletion: Bool { view.model.verifies(owner) }
    /// Whether the device checks what each mirror received against the bio's checksums (§8).
    public var isCheckedByDevice: Bool { view.model.guards(owner) }

    /// The data the bio's source holds now for file block `block`: what a `csum` or `dma` would read.
    public func sourceData(block: Int) -> BlockData {
        view.block(at: view.layout.start(of: view.model.source(of: owner, range: range, index(of: block))))
    }

    /// The checksum computed for file block `block`, or nil if it is not computed yet (or never is).
    public func checksum(block: Int) -> Checksum? {
        view.blockIfPresent(at: view.layout.start(of: .bioChecksum(owner, index: index(of: block)))).map(Checksum.init)
    }

    /// What the device has received for file block `block` on `mirror`, or nil if that transfer has not happened.
    public func received(mirror: Int, block: Int) -> BlockData? {
        precondition(mirror >= 0 && mirror < view.geometry.mirrors, "mirror \(mirror) of \(view.geometry.mirrors)")
        return view.blockIfPresent(at: view.layout.start(of: .bioReceived(owner, mirror: mirror, index: index(of: block))))
    }

    private func index(of block: Int) -> Int {
        precondition(fileBlocks.contains(block), "\(name) writes blocks \(fileBlocks), not block \(block)")
        return block - range.at
    }
}
