public import Extent

/// A scenario's moving parts in the form the fuzzer generates and shrinks: the file's shape, each
/// writer's script over its own buffer, the mutators, the readers and whether a scrubber runs.
///
/// Writer `i` writes from buffer `i`, as long as the most blocks any of its writes takes. Each
/// reader makes one read; a reader's `dio-read` lands in its own buffer, as long as the read. The
/// names (`writer-1`, `buffer-1`, `mutator-1`, `reader-1`, `read-buffer-1`, `scrubber`) are given
/// when the workload becomes a scenario.
///
/// ```swift
/// let race = Workload(
///     geometry: Geometry(blocks: 1),
///     writers: [[.directWrite(at: 0, blocks: 1)]],
///     mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])
/// ```
public struct Workload: Hashable, Sendable, Codable {
    /// The file's shape.
    public var geometry: Geometry
    /// Every writer's script, in order.
    public var writers: [[Step]]
    /// Every mutator, in order.
    public var mutators: [Mutator]
    /// Every reader's one read, in order (§9).
    public var readers: [Read]
    /// Whether a scrubber checks every block once (§9).
    public var scrub: Bool

    /// Creates a workload.
    public init(geometry: Geometry, writers: [[Step]], mutators: [Mutator] = [], readers: [Read] = [], scrub: Bool = false) {
        self.geometry = geometry
        self.writers = writers
        self.mutators = mutators
        self.readers = readers
        self.scrub = scrub
    }

    /// One step of a writer's script; writes take blocks `0..<blocks` of the writer's own buffer.
    public enum Step: Hashable, Sendable, Codable {
        /// An O_DIRECT write of `blocks` blocks at file block `at`.
        case directWrite(at: Int, blocks: Int)
        /// A buffered write of `blocks` blocks at file block `at`.
        case bufferedWrite(at: Int, blocks: Int)
        /// Waits until nothing of the file is dirty or in flight.
        case fsync

        /// The file blocks the step writes, if it writes.
        public var range: (at: Int, blocks: Int)? {
            switch self {
            case .directWrite(let at, let blocks), .bufferedWrite(let at, let blocks): (at, blocks)
            case .fsync: nil
            }
        }

        /// The step with its range replaced; an `fsync` stays as it is.
        func with(at: Int, blocks: Int) -> Step {
            switch self {
            case .directWrite: .directWrite(at: at, blocks: blocks)
            case .bufferedWrite: .bufferedWrite(at: at, blocks: blocks)
            case .fsync: .fsync
            }
        }
    }

    /// A reader's one read (§9).
    public enum Read: Hashable, Sendable, Codable {
        /// A read of `blocks` blocks at file block `at` through the page cache.
        case read(at: Int, blocks: Int)
        /// An O_DIRECT read of `blocks` blocks at file block `at` into the reader's own buffer.
        case directRead(at: Int, blocks: Int)

        /// The file blocks read.
        public var range: (at: Int, blocks: Int) {
            switch self {
            case .read(let at, let blocks), .directRead(let at, let blocks): (at, blocks)
            }
        }

        /// Whether the read lands in the reader's own buffer, which a mutator may target.
        public var isDirect: Bool {
            if case .directRead = self { true } else { false }
        }

        /// The read with its range replaced.
        func with(at: Int, blocks: Int) -> Read {
            switch self {
            case .read: .read(at: at, blocks: blocks)
            case .directRead: .directRead(at: at, blocks: blocks)
            }
        }
    }

    /// A mutator: what it changes and how many times at most.
    public struct Mutator: Hashable, Sendable, Codable {
        /// What a mutator changes.
        public enum Target: Hashable, Sendable, Codable {
            /// The buffer of the writer at this index.
            case writerBuffer(Int)
            /// The buffer of the reader at this index, whose read must be a `dio-read`.
            case readerBuffer(Int)
            /// Any cached folio.
            case pageCache
        }

        /// What the mutator changes.
        public var target: Target
        /// The most changes it makes, at least 1.
        public var budget: Int

        /// Creates a mutator.
        public init(target: Target, budget: Int) {
            self.target = target
            self.budget = budget
        }
    }
}
