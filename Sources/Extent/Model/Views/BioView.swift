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
    /// Throws for a block the bio does not write.
    public func sourceData(block: Int) throws(ViewAccessError) -> BlockData {
        try checkWrites(block)
        return sourceData(at: block)
    }

    /// The checksum computed for file block `block`, or nil if it is not computed yet (or never is).
    /// Throws for a block the bio does not write.
    public func checksum(block: Int) throws(ViewAccessError) -> Checksum? {
        try checkWrites(block)
        return checksum(at: block)
    }

    /// What the device has received for file block `block` on `mirror`, or nil if that transfer has not
    /// happened. Throws for a mirror the model lacks or a block the bio does not write.
    public func received(mirror: Int, block: Int) throws(ViewAccessError) -> BlockData? {
        try ViewAccessError.check(mirror, of: view.geometry.mirrors, "mirror", in: "the model")
        try checkWrites(block)
        return received(mirror: mirror, at: block)
    }

    /// The source's data for file block `block`, which the caller knows the bio writes.
    func sourceData(at block: Int) -> BlockData {
        view.block(at: view.layout.start(of: view.model.source(of: owner, range: range, block - range.at)))
    }

    /// The checksum computed for file block `block`, which the caller knows the bio writes, if any.
    func checksum(at block: Int) -> Checksum? {
        view.blockIfPresent(at: view.layout.start(of: .bioChecksum(owner, index: block - range.at))).map(Checksum.init)
    }

    /// What mirror `mirror` received for file block `block`, both of which the caller knows exist, if anything.
    func received(mirror: Int, at block: Int) -> BlockData? {
        view.blockIfPresent(at: view.layout.start(of: .bioReceived(owner, mirror: mirror, index: block - range.at)))
    }

    /// Throws unless the bio writes file block `block`.
    private func checkWrites(_ block: Int) throws(ViewAccessError) {
        guard !fileBlocks.contains(block) else { return }
        throw ViewAccessError("\(name) writes blocks \(fileBlocks.lowerBound)..\(fileBlocks.upperBound - 1), not block \(block)")
    }
}
