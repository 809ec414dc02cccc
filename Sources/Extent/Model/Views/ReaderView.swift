/// A reader in one state (§9): where it is in its script, and its device read in progress.
public struct ReaderView {
    let view: StateView
    /// The reader's index among the scenario's readers.
    public let index: Int

    var model: ExtentModel { view.model }
    var progress: ReadProgress { model.readProgress(of: index, in: view.state) }

    /// The reader's name, as the scenario gives it.
    public var name: String { model.readers[index].name }
    /// The reader's script.
    public var script: [ReaderStep] { model.readers[index].script }
    /// The index of the read the reader is in, or the script's length once it has finished.
    public var position: Int { model.readPosition(of: index, in: view.state).step }
    /// The block within its read the reader is at, counted from the read's first.
    var blockIndex: Int { model.readPosition(of: index, in: view.state).index }
    /// Whether the reader has run its whole script.
    public var isFinished: Bool { position == script.count }
    /// The file block the reader is reading, or reads next; nil once it has finished.
    public var block: Int? { model.currentRead(of: index, in: view.state)?.block }
    /// Whether a device read of `block` is in progress: from its `read` to its `end`.
    public var isReading: Bool { progress.isReading }
    /// Whether the read is `reread-stable`'s second read, into a kernel page, after a failed check.
    public var rereads: Bool { progress.rereads }
    /// The mirrors the device read has fetched so far, before its check passed.
    public var triedMirrors: [Int] { (0..<view.geometry.mirrors).filter { progress.tried & (1 << $0) != 0 } }
    /// The mirror fetched last, while its check is still to come.
    public var fetchedMirror: Int? { progress.phase == .fetched ? progress.mirror : nil }
    /// What the device read from `fetchedMirror`, as the fetch read it; nil while no check is to come.
    public var fetched: BlockData? {
        guard progress.phase == .fetched else { return nil }
        return view.block(at: view.layout.start(of: .readerPage(index)))
    }
    /// What the check compares with the stored checksum: the data where the fetch landed, now (the
    /// reader's buffer itself for an O_DIRECT read under `direct-read: user-pages`); nil while no check
    /// is to come.
    public var landed: BlockData? {
        guard progress.phase == .fetched else { return nil }
        return view.block(at: view.layout.start(of: model.destination(of: index, in: view.state)))
    }
    /// The kernel page the device read fetched into, while it holds something: what the device read
    /// before the check, and after a passing check, what the read returns where it is a kernel page.
    public var page: BlockData? {
        view.blockIfPresent(at: view.layout.start(of: .readerPage(index)))
    }
    /// The mirrors that failed the check and wait for their repair, once the check has passed.
    public var mirrorsToRepair: [Int] { (0..<view.geometry.mirrors).filter { progress.failed & (1 << $0) != 0 } }
    /// Whether a check of the read has passed: the repairs and the `end` come next.
    public var isChecked: Bool { progress.phase == .succeeded }
    /// Whether the read's checks have all failed: its `end` returns EIO.
    public var endsWithError: Bool { progress.phase == .failed }
}
