public import ExtentCheck

/// What it takes to provoke a model's race on a real kernel: the scenario's writers and mutators
/// with concrete words, the file's shape and setting, and the model's verdicts to compare with.
///
/// Built from a counterexample where there is one: its initial values fill the buffers and the
/// file, and the words its `mutate` steps change, with the values they change between, are what
/// the program's mutator threads keep changing. Without one (the policy holds), every word of a
/// mutator's target is changed between two values that differ in every bit.
///
/// ```swift
/// let reproduction = try Reproduction(scenario: scenario, policy: "dio-csum", report: report)
/// let program = reproduction.cProgram()
/// ```
public struct Reproduction: Hashable, Sendable {
    /// How the runner sets up the file, read off the policy's checksum columns.
    public enum FileSetting: String, Hashable, Sendable {
        /// An ordinary file: btrfs checksums its data.
        case checksummed
        /// A file with `chattr +C` (NOCOW, NODATASUM): no data checksums.
        case noDataChecksums = "nodatasum"
    }

    /// A user buffer and its words when the program starts.
    public struct BufferImage: Hashable, Sendable {
        /// The buffer's name in the model.
        public var name: String
        /// Its length in blocks.
        public var blocks: Int
        /// Its words, block after block.
        public var words: [UInt32]
    }

    /// A writer's script.
    public struct WriterScript: Hashable, Sendable {
        /// The writer's name in the model.
        public var name: String
        /// Its steps, in order, each on the file blocks of one slot.
        public var script: [WriterStep]
    }

    /// A reader's script: reads through the page cache and O_DIRECT reads into its buffers (§9).
    public struct ReaderScript: Hashable, Sendable {
        /// The reader's name in the model.
        public var name: String
        /// Its reads, in order, each on the file blocks of one slot.
        public var script: [ReaderStep]
    }

    /// A word a mutator changes, and the two values it changes it between.
    public struct WordChange: Hashable, Sendable {
        /// The buffer's index, or nil for the page cache (the file's pages, through `mmap`).
        public var buffer: Int?
        /// The block of the buffer, or of the file's slot for the page cache.
        public var block: Int
        /// The word of the block.
        public var word: Int
        /// The value the word had before the change.
        public var from: UInt32
        /// The value the change writes.
        public var to: UInt32
    }

    /// A mutator and the words it keeps changing.
    public struct MutatorPlan: Hashable, Sendable {
        /// The mutator's name in the model.
        public var name: String
        /// The changes, taken in turn, each written and then undone.
        public var changes: [WordChange]
    }

    /// The model's name.
    public var model: String
    /// What the model is about, as its file says.
    public var about: String
    /// The policy the reproduction is for.
    public var policy: String
    /// The invariant whose counterexample it follows, if any.
    public var invariant: String?
    /// The counterexample's steps, one line each (`3. guest-fs mutate guest-page word 0`); empty without one.
    public var steps: [String]
    /// How the runner sets the file up for each policy checked: without checksums where the policy
    /// checksums nothing.
    public var settings: [String: FileSetting]
    /// Copies of every block: 2 for RAID1.
    public var mirrors: Int
    /// The model file's blocks: one slot of the real file.
    public var fileBlocks: Int
    /// Words per block; a word covers `4096 / blockWords` bytes of a real block.
    public var blockWords: Int
    /// The file's words before any write, block after block.
    public var storedWords: [UInt32]
    /// The buffers.
    public var buffers: [BufferImage]
    /// The writers.
    public var writers: [WriterScript]
    /// The readers.
    public var readers: [ReaderScript]
    /// The mutators.
    public var mutators: [MutatorPlan]
    /// The passes the model's scrubbers make, all together; 0 without a scrubber.
    public var scrubPasses: Int
    /// The policies checked whose scrub compares copies instead of checksums (md RAID1's `check`).
    public var comparesCopies: Set<String>
    /// The model's verdicts: by policy, then by built-in invariant, for every policy checked.
    public var verdicts: [String: [String: Verdict]]
    /// The built-in invariants the model decides, in its order.
    public var invariants: [String]
    /// The recorded counterexample, for a replay test; nil without one.
    public var document: TraceDocument?
    /// The model file's text, for a replay test.
    public var modelText: String

    /// How the file is set up for `policy`.
    public var fileSetting: FileSetting { settings[policy] ?? .checksummed }

    /// Whether the mutator runs while the writers write: it changes the page cache, or a buffer a writer
    /// writes from, or one no reader reads into.
    public func changesWhileWriting(_ mutator: MutatorPlan) -> Bool {
        mutator.changes.contains { change in
            guard let buffer = change.buffer else { return true }
            return writtenBuffers.contains(buffer) || !readBuffers.contains(buffer)
        }
    }

    /// Whether the mutator runs while the readers read: it changes a buffer an O_DIRECT read lands in.
    public func changesWhileReading(_ mutator: MutatorPlan) -> Bool {
        mutator.changes.contains { change in change.buffer.map(readBuffers.contains) ?? false }
    }

    /// The buffers writers write from.
    private var writtenBuffers: Set<Int> {
        Set(writers.flatMap { writer in
            writer.script.compactMap { step -> Int? in
                switch step {
                case .directWrite(let range), .bufferedWrite(let range): range.buffer
                case .fsync: nil
                }
            }
        })
    }

    /// The buffers O_DIRECT reads land in.
    private var readBuffers: Set<Int> {
        Set(readers.flatMap { reader in
            reader.script.compactMap { step -> Int? in
                if case .directRead(let range) = step { range.buffer } else { nil }
            }
        })
    }

    /// The size of a real block in bytes.
    public static let blockBytes = 4096
}
