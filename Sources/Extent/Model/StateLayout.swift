/// Where each part of an extent state lives in its flat array of slots.
///
/// A state is one `[UInt32]`: first the control slots (writer positions,
/// mutator budgets, folio flags, reader and scrubber positions, the crashes taken where crashes
/// may happen), then the word slots, each holding a word
/// (a symbolic variable's id, or a concrete value) or `StateLayout.none`.
/// Keeping every word slot after the control slots lets canonical renaming
/// walk one contiguous range in a fixed order.
struct StateLayout: Hashable, Sendable {
    /// The content of an empty word slot: no folio, no checksum, not yet computed or transferred.
    static let none: UInt32 = .max
    /// A new symbolic word before canonical renaming gives it its number.
    static let fresh: UInt32 = .max - 1

    let writers: Int
    let mutators: Int
    let readers: Int
    let scrubbers: Int
    /// How many crashes may happen: a model without has no slot for them.
    let crashes: Int
    let blocks: Int
    let blockWords: Int
    let mirrors: Int
    /// The first slot of each buffer's words.
    let bufferStarts: [Int]

    let budgetBase: Int
    let folioFlagBase: Int
    let readerBase: Int
    let scrubberBase: Int
    /// The slot of the number of crashes taken, where `crashes` is more than 0.
    let crashSlot: Int
    /// The first word slot; every slot from here on holds a word or `none`.
    let wordBase: Int
    let folioBase: Int
    let storedBase: Int
    let writerBioBase: Int
    let writebackBioBase: Int
    let readerPageBase: Int
    let count: Int

    var storedStride: Int { (mirrors + 1) * blockWords }
    var writerBioStride: Int { (mirrors + 2) * blocks * blockWords }
    /// Whether writeback bios read a copy of their folio (slots for it follow their transfers).
    let writebackCopies: Bool
    var writebackBioStride: Int { (mirrors + (writebackCopies ? 2 : 1)) * blockWords }

    init(
        writers: Int, mutators: Int, readers: Int = 0, scrubbers: Int = 0, crashes: Int = 0, geometry: Geometry, bufferBlocks: [Int],
        writebackCopies: Bool = false
    ) {
        self.writers = writers
        self.writebackCopies = writebackCopies
        self.mutators = mutators
        self.readers = readers
        self.scrubbers = scrubbers
        self.crashes = crashes
        blocks = geometry.blocks
        blockWords = geometry.blockWords
        mirrors = geometry.mirrors
        budgetBase = writers
        folioFlagBase = budgetBase + mutators
        readerBase = folioFlagBase + blocks
        scrubberBase = readerBase + 2 * readers
        crashSlot = scrubberBase + scrubbers
        wordBase = crashSlot + (crashes > 0 ? 1 : 0)
        var next = wordBase
        var starts: [Int] = []
        for length in bufferBlocks {
            starts.append(next)
            next += length * blockWords
        }
        bufferStarts = starts
        folioBase = next
        storedBase = folioBase + blocks * blockWords
        writerBioBase = storedBase + blocks * (mirrors + 1) * blockWords
        writebackBioBase = writerBioBase + writers * (mirrors + 2) * blocks * blockWords
        readerPageBase = writebackBioBase + blocks * (mirrors + (writebackCopies ? 2 : 1)) * blockWords
        count = readerPageBase + readers * blockWords
    }

    /// Where one block's words live: each place is `blockWords` consecutive slots.
    enum Place: Hashable {
        /// Block `block` of the user buffer with this index.
        case buffer(Int, block: Int)
        /// The folio of a file block.
        case folio(Int)
        /// A stored block's data on one mirror.
        case stored(Int, mirror: Int)
        /// A stored block's checksum, kept as the words it was computed over.
        case storedChecksum(Int)
        /// The checksum a bio computed for its `index`-th block.
        case bioChecksum(BioOwner, index: Int)
        /// What the device received from a bio for its `index`-th block on one mirror.
        case bioReceived(BioOwner, mirror: Int, index: Int)
        /// The bounce copy of a writer's bio, its `index`-th block.
        case bounceCopy(writer: Int, index: Int)
        /// The copy a writeback bio of a file block's folio reads, where the policy takes one.
        case writebackCopy(Int)
        /// The kernel page a reader's device read fetches into: what the device read, or the copy the
        /// read returns.
        case readerPage(Int)
    }

    /// The first slot of `place`.
    @inline(__always)
    func start(of place: Place) -> Int {
        switch place {
        case .buffer(let buffer, let block): bufferWord(buffer, block * blockWords)
        case .folio(let block): folioWord(block, 0)
        case .stored(let block, let mirror): storedWord(block, mirror: mirror, 0)
        case .storedChecksum(let block): storedChecksum(block, 0)
        case .bioChecksum(let owner, let index): bioChecksum(owner, index, 0)
        case .bioReceived(let owner, let mirror, let index): bioTransfer(owner, mirror: mirror, index, 0)
        case .bounceCopy(let writer, let index): bioBounce(writer, index, 0)
        case .writebackCopy(let block): bioBase(.writeback(block)) + (mirrors + 1) * blockWords
        case .readerPage(let reader): readerPageBase + reader * blockWords
        }
    }

    /// The slot of word `word` of `place`.
    @inline(__always)
    func slot(_ place: Place, word: Int) -> Int { start(of: place) + word }

    func writer(_ writer: Int) -> Int { writer }
    func budget(_ mutator: Int) -> Int { budgetBase + mutator }
    func folioFlags(_ block: Int) -> Int { folioFlagBase + block }
    /// The slot of a reader's place in its script: the read, and the block within it.
    func readerPosition(_ reader: Int) -> Int { readerBase + 2 * reader }
    /// The slot of a reader's device read in progress: its phase and the mirrors it tried and failed.
    func readerProgress(_ reader: Int) -> Int { readerBase + 2 * reader + 1 }
    /// The slot of a scrubber's place: the blocks it has scrubbed, over every pass.
    func scrubberPosition(_ scrubber: Int) -> Int { scrubberBase + scrubber }
    /// The slot of word `word` of a buffer, counting words across its blocks (as a mutator names them).
    func bufferWord(_ buffer: Int, _ word: Int) -> Int { bufferStarts[buffer] + word }
    private func folioWord(_ block: Int, _ word: Int) -> Int { folioBase + block * blockWords + word }
    private func storedWord(_ block: Int, mirror: Int, _ word: Int) -> Int {
        storedBase + block * storedStride + mirror * blockWords + word
    }
    private func storedChecksum(_ block: Int, _ word: Int) -> Int {
        storedBase + block * storedStride + mirrors * blockWords + word
    }

    // The places' slots, word by word: the only slot arithmetic of the model.
    private func bioChecksum(_ owner: BioOwner, _ index: Int, _ word: Int) -> Int {
        bioBase(owner) + index * blockWords + word
    }
    private func bioTransfer(_ owner: BioOwner, mirror: Int, _ index: Int, _ word: Int) -> Int {
        switch owner {
        case .writer: bioBase(owner) + (blocks + mirror * blocks + index) * blockWords + word
        case .writeback: bioBase(owner) + (1 + mirror) * blockWords + word
        }
    }
    private func bioBounce(_ writer: Int, _ index: Int, _ word: Int) -> Int {
        bioBase(.writer(writer)) + ((mirrors + 1) * blocks + index) * blockWords + word
    }
    func bioSlots(_ owner: BioOwner) -> Range<Int> {
        switch owner {
        case .writer: bioBase(owner)..<(bioBase(owner) + writerBioStride)
        case .writeback: bioBase(owner)..<(bioBase(owner) + writebackBioStride)
        }
    }
    @inline(__always)
    private func bioBase(_ owner: BioOwner) -> Int {
        switch owner {
        case .writer(let writer): writerBioBase + writer * writerBioStride
        case .writeback(let block): writebackBioBase + block * writebackBioStride
        }
    }
}
