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
///
/// A bio is named as the state's `bios` name it: `bio WRITER` or `bio writeback-B`.
public struct TraceAction: Hashable, Sendable, Codable {
    /// The kind of step.
    public var kind: StepView.Kind
    /// Who takes it: a writer or mutator by name, `flusher`, `kernel` or `device`.
    public var actor: String
    /// The user buffer written from or changed.
    public var buffer: String?
    /// The bio acted on.
    public var bio: String?
    /// A file block: the first one written, the folio's, or the bio's block acted on.
    public var block: Int?
    /// The number of blocks a write covers.
    public var blocks: Int?
    /// The mirror a `dma` writes to.
    public var mirror: Int?
    /// The word a `mutate` changes, counted from the start of the buffer or folio.
    public var word: Int?
    /// The value a concrete `mutate` writes; nil for a fresh symbolic value.
    public var value: UInt64?
    /// Whether a `complete` fails (its verify or the device's check failed); nil for other kinds.
    public var fails: Bool?

    /// Creates an action.
    public init(
        kind: StepView.Kind, actor: String, buffer: String? = nil, bio: String? = nil, block: Int? = nil,
        blocks: Int? = nil, mirror: Int? = nil, word: Int? = nil, value: UInt64? = nil, fails: Bool? = nil
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
        }
    }
}
