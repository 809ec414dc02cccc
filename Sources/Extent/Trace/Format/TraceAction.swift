/// A step of a trace as data: its kind, its actor, and the names and numbers that say which step of
/// the model it is. `replay` finds a recorded step among the enabled ones by this, never by its text.
///
/// Only the fields that apply to the kind are set:
///
/// | kind | fields |
/// | --- | --- |
/// | `dio-write`, `write` | `buffer`, `block` (the first file block), `blocks` |
/// | `fsync` | none |
/// | `writeback` | `block` (the folio's file block) |
/// | `csum` | `bio`, `block` (a file block) |
/// | `dma` | `bio`, `mirror`, `block` |
/// | `complete` | `bio`, `fails` |
/// | `mutate` | `buffer` and `word`, or `block` (a folio) and `word`; `value` when the new value is concrete |
/// | `read` | `block`; `buffer` for an O_DIRECT read |
/// | `fetch`, `repair` | `block`, `mirror` |
/// | `check` | `block`, `mirror`, `fails` |
/// | `end` | `block`, `fails` (the read returns EIO) |
/// | `scrub` | `block`, `failing` |
/// | `crash` | none (its actor is `power`) |
///
/// A bio is named as the state's `bios` name it: `bio WRITER` or `bio writeback-B`.
public struct TraceAction: Hashable, Sendable, Codable {
    /// The kind of step.
    public var kind: StepView.Kind
    /// Who takes it: a writer, mutator, reader or scrubber by name, `flusher`, `kernel`, `device` or,
    /// for a crash, `power`.
    public var actor: String
    /// The user buffer written from or changed.
    public var buffer: String?
    /// The bio acted on.
    public var bio: String?
    /// A file block: the first one written, the folio's, or the bio's block acted on.
    public var block: Int?
    /// The number of blocks a write covers.
    public var blocks: Int?
    /// The mirror a `dma` writes to, or a read's step fetches, checks or repairs.
    public var mirror: Int?
    /// The word a `mutate` changes, counted from the start of the buffer or folio.
    public var word: Int?
    /// The value a concrete `mutate` writes; nil for a fresh symbolic value.
    public var value: UInt64?
    /// Whether a `complete` fails (its verify or the device's check failed), a `check` fails, or an
    /// `end` returns EIO; nil for other kinds.
    public var fails: Bool?
    /// The mirrors whose data a `scrub` found not matching the block's checksum; nil for other kinds.
    public var failing: [Int]?

    /// Creates an action.
    public init(
        kind: StepView.Kind, actor: String, buffer: String? = nil, bio: String? = nil, block: Int? = nil,
        blocks: Int? = nil, mirror: Int? = nil, word: Int? = nil, value: UInt64? = nil, fails: Bool? = nil,
        failing: [Int]? = nil
    ) {
        self.kind = kind
        self.actor = actor
        self.buffer = buffer
        self.bio = bio
        self.block = block
        self.blocks = blocks
        self.mirror = mirror
        self.word = word
        self.value = value
        self.fails = fails
        self.failing = failing
    }
}

extension TraceAction: CustomStringConvertible {
    /// The action in the words of a trace's steps, e.g. `dma bio qemu mirror 0 block 0`; a direct
    /// write without how the policy carries it out.
    public var description: String {
        func number(_ value: Int?) -> String { value.map(String.init) ?? "?" }
        switch kind {
        case .dioWrite, .write:
            return "\(kind.rawValue) \(buffer ?? "?") at \(number(block)) len \(number(blocks))"
        case .fsync:
            return "fsync"
        case .writeback:
            return "writeback folio \(number(block))"
        case .csum:
            return "csum \(bio ?? "?") block \(number(block))"
        case .dma:
            return "dma \(bio ?? "?") mirror \(number(mirror)) block \(number(block))"
        case .complete:
            return "complete \(bio ?? "?")" + (fails == true ? " (fails)" : "")
        case .mutate:
            let target = buffer ?? "folio \(number(block))"
            return "mutate \(target) word \(number(word))" + (value.map { " := \($0)" } ?? "")
        case .read:
            return (buffer == nil ? "read" : "dio-read") + " block \(number(block))"
        case .fetch:
            return "fetch block \(number(block)) mirror \(number(mirror))"
        case .check:
            return "check block \(number(block)) mirror \(number(mirror))" + (fails == true ? " (fails)" : "")
        case .repair:
            return "repair block \(number(block)) mirror \(number(mirror))"
        case .end:
            return "end read block \(number(block))" + (fails == true ? " (EIO)" : "")
        case .scrub:
            let list = (failing ?? []).map(String.init).joined(separator: ", ")
            return "scrub block \(number(block))" + (list.isEmpty ? "" : " (failing: \(list))")
        case .crash:
            return "crash"
        }
    }
}
