/// A read-only, typed view of one state of a model: the writers, mutators, readers, scrubbers, user
/// buffers, folios, bios in flight and the stored file, in the contract's terms.
///
/// ```swift
/// let block = try state.stored[0]
/// if let checksum = block.checksum {
///     return [Finding(when: checksum != state.checksum(of: try block.mirror(0)), "stored block 0 disagrees with its checksum")]
/// }
/// ```
///
/// Words and checksums are opaque terms: comparing two gives a `Condition`, which the checker
/// decides for the model's data mode, with Z3 in symbolic mode (so that an answer covers every
/// value of every variable) and by value in `concrete:K` mode. Asking for a part the model does not
/// have throws `ViewAccessError`; the property that asked is then `unknown` for that state.
public struct StateView {
    /// How terms are compared; it also holds the model, so that a view costs one reference and the state.
    let decider: TermDecider
    let state: ExtentState

    init(_ state: ExtentState, decider: TermDecider) {
        self.state = state
        self.decider = decider
    }

    var model: ExtentModel { decider.model }

    var layout: StateLayout { _read { yield model.shape.layout } }

    /// The file's shape: blocks, words per block, word width, mirrors.
    public var geometry: Geometry { model.geometry }
    /// The policy the state is explored under.
    public var policy: Policy { model.policy }

    /// The writers, in the scenario's order.
    public var writers: [WriterView] { model.writers.indices.map { WriterView(view: self, index: $0) } }
    /// The writer named `name`, if the scenario has one.
    public func writer(named name: String) -> WriterView? { writers.first { $0.name == name } }

    /// The mutators, in the scenario's order.
    public var mutators: [MutatorView] { model.mutators.indices.map { MutatorView(view: self, index: $0) } }

    /// The readers, in the scenario's order.
    public var readers: [ReaderView] { model.readers.indices.map { ReaderView(view: self, index: $0) } }
    /// The reader named `name`, if the scenario has one.
    public func reader(named name: String) -> ReaderView? { readers.first { $0.name == name } }

    /// The scrubbers, in the scenario's order.
    public var scrubbers: [ScrubberView] { model.scrubbers.indices.map { ScrubberView(view: self, index: $0) } }

    /// The crashes the state has been through (§10): 0 before the first, and always 0 in a scenario
    /// without crashes.
    public var crashes: Int { model.crashesTaken(in: state) }

    /// The user buffers, in the scenario's order.
    public var buffers: [BufferView] {
        model.scenario.buffers.indices.map { BufferView(view: self, index: $0) }
    }
    /// The buffer named `name`, if the scenario has one.
    public func buffer(named name: String) -> BufferView? { buffers.first { $0.name == name } }

    /// The cached folios, in file-block order.
    public var folios: [FolioView] { (0..<geometry.blocks).compactMap(folio(block:)) }
    /// The folio of file block `block`, if it is cached; nil for a block the file does not have.
    public func folio(block: Int) -> FolioView? {
        guard (0..<geometry.blocks).contains(block) else { return nil }
        return model.folio(block, in: state).contains(.cached) ? FolioView(view: self, block: block) : nil
    }

    /// The bios in flight: the writers' direct or bounce bios in writer order, then writeback bios in block order.
    public var bios: [BioView] { model.bioOwners.compactMap(bio(of:)) }
    /// The bio of `owner`, if one is in flight; nil for a writer or file block the model does not have.
    public func bio(of owner: BioOwner) -> BioView? {
        switch owner {
        case .writer(let writer) where !model.writers.indices.contains(writer): return nil
        case .writeback(let block) where !(0..<geometry.blocks).contains(block): return nil
        default: return model.range(of: owner, in: state).map { BioView(view: self, owner: owner, range: $0) }
        }
    }

    /// The stored file: per block, the data on every mirror and the stored checksum.
    public var stored: StoredFile { StoredFile(view: self) }

    /// The words held in consecutive slots from `slot`: one block's data.
    func block(at slot: Int) -> BlockData {
        BlockData(state, start: slot, count: geometry.blockWords)
    }

    /// The block at `slot`, or nil where that part is empty (not computed, not transferred, no checksum).
    func blockIfPresent(at slot: Int) -> BlockData? {
        state[slot] == StateLayout.none ? nil : block(at: slot)
    }
}
