/// One part of a state as a trace shows it: the state walked once, in one order, for every way a
/// trace renders a state (its lines, its snapshot for tools) and for the checksums it shows.
enum StatePart {
    /// A writer: where it is in its script, and what it waits for.
    case writer(WriterView)
    /// A mutator and the changes it has left.
    case mutator(MutatorView)
    /// A reader: where it is in its script, and its device read in progress.
    case reader(ReaderView)
    /// The kernel page a reader's device read fetched into, while it holds something.
    case readerPage(ReaderView, BlockData)
    /// A scrubber: the block it scrubs next.
    case scrubber(ScrubberView)
    /// The crashes taken, of those the scenario allows; only where it allows any.
    case crashes(taken: Int, of: Int)
    /// Block `block` of a user buffer.
    case bufferBlock(BufferView, block: Int)
    /// A cached folio.
    case folio(FolioView)
    /// A bio in flight: the blocks it writes and where from. The parts of its blocks follow it.
    case bio(BioView)
    /// The copy a bio reads file block `block` from: a bounce copy, or a copy of a folio.
    case bioCopy(BioView, block: Int, BlockData)
    /// The checksum a bio computed for file block `block`.
    case bioChecksum(BioView, block: Int, Checksum)
    /// What `mirror` received of a bio's file block `block`.
    case bioReceived(BioView, mirror: Int, block: Int, BlockData)
    /// A stored block's data on `mirror`.
    case storedMirror(StoredBlock, mirror: Int)
    /// A stored block's checksum, or that it has none. It follows the block's mirrors.
    case storedChecksum(StoredBlock)

    /// Every part of the state `view` shows, in the order a trace lists them: writers, mutators,
    /// readers (each followed by its kernel page), scrubbers, crashes, buffers block by block, folios, bios
    /// (each followed, block by block, by its copy, its checksum and what each mirror received), then
    /// stored blocks (each mirror, then the checksum). Absent parts are left out; a stored block's
    /// checksum is always listed.
    static func all(in view: StateView) -> [StatePart] {
        var parts: [StatePart] = view.writers.map(StatePart.writer) + view.mutators.map(StatePart.mutator)
        for reader in view.readers {
            parts.append(.reader(reader))
            if let page = reader.page { parts.append(.readerPage(reader, page)) }
        }
        parts += view.scrubbers.map(StatePart.scrubber)
        if view.model.scenario.crashes > 0 { parts.append(.crashes(taken: view.crashes, of: view.model.scenario.crashes)) }
        for buffer in view.buffers {
            parts += (0..<buffer.blocks).map { .bufferBlock(buffer, block: $0) }
        }
        parts += view.folios.map(StatePart.folio)
        for bio in view.bios {
            parts.append(.bio(bio))
            for block in bio.fileBlocks { parts += blockParts(of: bio, block, mirrors: view.geometry.mirrors) }
        }
        for block in view.stored {
            parts += (0..<block.mirrorCount).map { .storedMirror(block, mirror: $0) }
            parts.append(.storedChecksum(block))
        }
        return parts
    }

    /// The parts of a bio's file block `block`: the copy it reads, its checksum, what each mirror received.
    private static func blockParts(of bio: BioView, _ block: Int, mirrors: Int) -> [StatePart] {
        var parts: [StatePart] = []
        switch bio.source {
        case .bounceCopy, .folioCopy: parts.append(.bioCopy(bio, block: block, bio.sourceData(at: block)))
        case .buffer, .folio: break
        }
        if let checksum = bio.checksum(at: block) { parts.append(.bioChecksum(bio, block: block, checksum)) }
        for mirror in 0..<mirrors {
            if let received = bio.received(mirror: mirror, at: block) {
                parts.append(.bioReceived(bio, mirror: mirror, block: block, received))
            }
        }
        return parts
    }

    /// The checksum the part holds: a bio's computed one, or a stored block's.
    var checksum: Checksum? {
        switch self {
        case .bioChecksum(_, _, let checksum): checksum
        case .storedChecksum(let block): block.checksum
        default: nil
        }
    }
}
