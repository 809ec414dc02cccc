extension Scenario {
    /// A named participant of a scenario: a writer following a script, a mutator that changes
    /// memory while writes are in flight, a reader that reads the file back, or a scrubber.
    ///
    /// ```swift
    /// let actors: [Scenario.Actor] = [
    ///     .writer("qemu", [.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync]),
    ///     .mutator("guest-fs", target: .buffer(0), budget: 1),
    ///     .reader("backup", [.read(at: 0, blocks: 1)]),
    ///     .scrubber("admin", passes: 1),
    /// ]
    /// ```
    public struct Actor: Hashable, Sendable {
        /// What an actor does.
        public enum Role: Hashable, Sendable {
            /// A writer runs its script's steps in order.
            case writer([WriterStep])
            /// A mutator changes words of its target, at most `budget` times.
            case mutator(target: MutationTarget, budget: Int)
            /// A reader runs its script's reads in order (§9).
            case reader([ReaderStep])
            /// A scrubber checks every block in file order, `passes` times (§9).
            case scrubber(passes: Int)
        }

        /// The actor's name, as the model file gives it.
        public var name: String
        /// What the actor does.
        public var role: Role

        /// Whether the actor reads the file back (§9): a reader or a scrubber.
        public var readsBack: Bool {
            switch role {
            case .reader, .scrubber: true
            case .writer, .mutator: false
            }
        }

        /// The largest budget a mutator may have.
        public static let maximumBudget = 1_000_000
        /// The most passes a scrubber may make.
        public static let maximumPasses = 64

        /// Creates an actor.
        public init(name: String, role: Role) {
            self.name = name
            self.role = role
        }

        /// A writer named `name` that runs `script`.
        public static func writer(_ name: String, _ script: [WriterStep]) -> Actor {
            Actor(name: name, role: .writer(script))
        }

        /// A mutator named `name` that changes words of `target` at most `budget` times.
        public static func mutator(_ name: String, target: MutationTarget, budget: Int) -> Actor {
            Actor(name: name, role: .mutator(target: target, budget: budget))
        }

        /// A reader named `name` that runs `script`.
        public static func reader(_ name: String, _ script: [ReaderStep]) -> Actor {
            Actor(name: name, role: .reader(script))
        }

        /// A scrubber named `name` that checks every block of the file `passes` times.
        public static func scrubber(_ name: String, passes: Int) -> Actor {
            Actor(name: name, role: .scrubber(passes: passes))
        }
    }
}

/// What a mutator changes.
public enum MutationTarget: Hashable, Sendable {
    /// The user buffer at this index of the scenario's buffers.
    case buffer(Int)
    /// Any word of any cached folio: an mmap writer or a guest file system.
    case pageCache

    /// How a model file names the page cache as a target; no buffer may take this name.
    public static let pageCacheName = "page-cache"
}

/// One step of a writer's script.
public enum WriterStep: Hashable, Sendable {
    /// An O_DIRECT write: the policy decides whether it goes direct, through a bounce copy or buffered.
    case directWrite(IORange)
    /// A buffered write into the page cache.
    case bufferedWrite(IORange)
    /// Waits until nothing of the file is dirty or in flight.
    case fsync
}

/// One read of a reader's script (§9).
public enum ReaderStep: Hashable, Sendable {
    /// A read of file blocks `at..<at+blocks` through the page cache.
    case read(at: Int, blocks: Int)
    /// An O_DIRECT read of file blocks `range.at..<range.at+range.blocks` into blocks
    /// `0..<range.blocks` of buffer `range.buffer`, which a mutator may change meanwhile.
    case directRead(IORange)

    /// The file blocks read.
    public var fileBlocks: Range<Int> {
        switch self {
        case .read(let at, let blocks): at..<(at + blocks)
        case .directRead(let range): range.fileBlocks
        }
    }
}

/// The source and target of a write: blocks `0..<blocks` of a buffer go to
/// file blocks `at..<at+blocks`.
public struct IORange: Hashable, Sendable {
    /// The index of the source buffer in the scenario's buffers.
    public var buffer: Int
    /// The first file block written.
    public var at: Int
    /// The number of blocks written.
    public var blocks: Int

    /// Creates a range.
    public init(buffer: Int, at: Int, blocks: Int) {
        self.buffer = buffer
        self.at = at
        self.blocks = blocks
    }

    /// The file blocks written.
    public var fileBlocks: Range<Int> { at..<(at + blocks) }
}
