/// Where each part of an extent state lives in its flat array of slots.
///
/// A state is one `[UInt32]`: first the control slots (writer positions,
/// mutator budgets, folio flags), then the word slots, each holding a word
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
    let blocks: Int
    let blockWords: Int
    let mirrors: Int
    /// The first slot of each buffer's words.
    let bufferStarts: [Int]

    let budgetBase: Int
    let folioFlagBase: Int
    /// The first word slot; every slot from here on holds a word or `none`.
    let wordBase: Int
    let folioBase: Int
    let storedBase: Int
    let writerBioBase: Int
    let writebackBioBase: Int
    let count: Int

    var storedStride: Int { (mirrors + 1) * blockWords }
    var writerBioStride: Int { (mirrors + 2) * blocks * blockWords }
    var writebackBioStride: Int { (mirrors + 1) * blockWords }

    init(writers: Int, mutators: Int, geometry: Geometry, bufferBlocks: [Int]) {
        self.writers = writers
        self.mutators = mutators
        blocks = geometry.blocks
        blockWords = geometry.blockWords
        mirrors = geometry.mirrors
        budgetBase = writers
        folioFlagBase = budgetBase + mutators
        wordBase = folioFlagBase + blocks
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
        count = writebackBioBase + blocks * (mirrors + 1) * blockWords
    }

    func writer(_ writer: Int) -> Int { writer }
    func budget(_ mutator: Int) -> Int { budgetBase + mutator }
    func folioFlags(_ block: Int) -> Int { folioFlagBase + block }
    func bufferWord(_ buffer: Int, _ word: Int) -> Int { bufferStarts[buffer] + word }
    func folioWord(_ block: Int, _ word: Int) -> Int { folioBase + block * blockWords + word }
    func storedWord(_ block: Int, mirror: Int, _ word: Int) -> Int {
        storedBase + block * storedStride + mirror * blockWords + word
    }
    func storedChecksum(_ block: Int, _ word: Int) -> Int {
        storedBase + block * storedStride + mirrors * blockWords + word
    }

    /// A slot of a bio: its checksum, its transferred data per mirror, or (writer bios only) its bounce copy,
    /// for the bio's `index`-th block.
    func bioChecksum(_ owner: BioOwner, _ index: Int, _ word: Int) -> Int {
        bioBase(owner) + index * blockWords + word
    }
    func bioTransfer(_ owner: BioOwner, mirror: Int, _ index: Int, _ word: Int) -> Int {
        switch owner {
        case .writer: bioBase(owner) + (blocks + mirror * blocks + index) * blockWords + word
        case .writeback: bioBase(owner) + (1 + mirror) * blockWords + word
        }
    }
    func bioBounce(_ writer: Int, _ index: Int, _ word: Int) -> Int {
        bioBase(.writer(writer)) + ((mirrors + 1) * blocks + index) * blockWords + word
    }
    func bioSlots(_ owner: BioOwner) -> Range<Int> {
        switch owner {
        case .writer: bioBase(owner)..<(bioBase(owner) + writerBioStride)
        case .writeback: bioBase(owner)..<(bioBase(owner) + writebackBioStride)
        }
    }
    private func bioBase(_ owner: BioOwner) -> Int {
        switch owner {
        case .writer(let writer): writerBioBase + writer * writerBioStride
        case .writeback(let block): writebackBioBase + block * writebackBioStride
        }
    }
}
