/// A cached folio in one state: its content and whether it is dirty or under writeback.
public struct FolioView {
    let view: StateView
    /// The file block the folio caches.
    public let block: Int

    private var flags: FolioFlags { view.model.folio(block, in: view.state) }

    /// The folio's content.
    public var data: BlockData { view.block(at: view.layout.start(of: .folio(block))) }
    /// Whether the folio holds changes not yet written back.
    public var isDirty: Bool { flags.contains(.dirty) }
    /// Whether a writeback bio of the folio is in flight.
    public var isUnderWriteback: Bool { flags.contains(.writeback) }
}
