internal import Extent

extension KeyTable {
    /// The keys of an actor: its role, exactly one.
    enum Actor: String, ModelFileKey {
        case writer, mutator, reader, scrubber

        static let definition = "actor"
        static let summary = "An actor: a writer with its script, a mutator, a reader with its script, or a scrubber."
        static let takesOne = true

        var declaration: KeyDeclaration {
            switch self {
            case .writer:
                let steps = MappingShape(Step.self)
                return KeyDeclaration(
                    .sequence(
                        .either([.word(steps.aloneKeys.map(\.name)), .mapping(steps)]), minimum: 0,
                        limit: Scenario.maximumScriptSteps, unique: false),
                    "A writer runs its script's steps in order.")
            case .mutator:
                return KeyDeclaration(
                    .mapping(MappingShape(Mutator.self)),
                    "A mutator changes words of its target while writes are in flight.")
            case .reader:
                return KeyDeclaration(
                    .sequence(.mapping(MappingShape(Read.self)), minimum: 0, limit: Scenario.maximumScriptSteps, unique: false),
                    "A reader runs its script's reads in order, once no bio is in flight (extent-model.md §9).")
            case .scrubber:
                return KeyDeclaration(
                    .mapping(MappingShape(Scrubber.self)),
                    "A scrubber (btrfs scrub, md check) checks every block in file order, pass after pass.")
            }
        }
    }

    /// The reads of a reader's script, each a mapping of its name to its arguments.
    enum Read: String, ModelFileKey {
        case read
        case dioRead = "dio-read"

        static let definition = "read"
        static let summary = "A read of a reader's script: read or dio-read, with its arguments."
        static let takesOne = true

        var declaration: KeyDeclaration {
            switch self {
            case .read:
                KeyDeclaration(
                    .mapping(MappingShape(ReadArgument.self)),
                    "A read through the page cache: a cached folio is returned, else the block is read from the device.")
            case .dioRead:
                KeyDeclaration(
                    .mapping(MappingShape(DirectReadArgument.self)),
                    "An O_DIRECT read into a buffer, which a mutator may change while the read is in progress.")
            }
        }
    }

    /// The `at` of a `read` or `dio-read`.
    static let firstBlockRead = KeyDeclaration(
        .integer(0...(Geometry.maximumBlocks - 1)), "The first block of the file read.", default: .integer(WriteArgument.defaultAt))

    /// The arguments of a `read`.
    enum ReadArgument: String, ModelFileKey {
        case at, blocks

        static let definition = "read-arguments"
        static let summary = "What a read through the page cache reads: blocks of the file."

        var declaration: KeyDeclaration {
            switch self {
            case .at: firstBlockRead
            case .blocks: KeyDeclaration(.integer(1...Geometry.maximumBlocks), "The blocks read; the rest of the file when left out.")
            }
        }
    }

    /// The arguments of a `dio-read`.
    enum DirectReadArgument: String, ModelFileKey {
        case into, at, blocks

        static let definition = "dio-read-arguments"
        static let summary = "What an O_DIRECT read reads: blocks of the file, into blocks of a buffer."

        var declaration: KeyDeclaration {
            switch self {
            case .into:
                KeyDeclaration(.anyName, "The buffer the read lands in.", required: true)
            case .at: firstBlockRead
            case .blocks: KeyDeclaration(.integer(1...Geometry.maximumBlocks), "The blocks read; the buffer's length when left out.")
            }
        }
    }

    /// The keys of a scrubber.
    enum Scrubber: String, ModelFileKey {
        case passes

        /// The passes a scrubber makes when `passes` is not given.
        static let defaultPasses = 1

        static let definition = "scrubber"
        static let summary = "How many times a scrubber checks the whole file."

        var declaration: KeyDeclaration {
            KeyDeclaration(
                .integer(1...Scenario.Actor.maximumPasses), "The passes over every block of the file, in file order.",
                default: .integer(Self.defaultPasses))
        }
    }

    /// The steps of a writer's script: `fsync` alone, a write as a mapping of its name to its arguments.
    enum Step: String, ModelFileKey {
        case fsync
        case dioWrite = "dio-write"
        case write

        static let definition = "step"
        static let summary = "A write of a writer's script: dio-write or write, with its arguments."
        static let takesOne = true

        var declaration: KeyDeclaration {
            switch self {
            case .fsync:
                KeyDeclaration(.alone, "Waits until nothing of the file is dirty or in flight.")
            case .dioWrite:
                KeyDeclaration(
                    .mapping(MappingShape(WriteArgument.self)),
                    "An O_DIRECT write: the policy decides whether it goes direct, through a bounce copy or buffered.")
            case .write:
                KeyDeclaration(.mapping(MappingShape(WriteArgument.self)), "A buffered write into the page cache.")
            }
        }
    }

    /// The arguments of a `dio-write` or `write` step.
    enum WriteArgument: String, ModelFileKey {
        case from, at, blocks

        /// The first block written when `at` is not given.
        static let defaultAt = 0

        static let definition = "write-arguments"
        static let summary = "What a write writes: blocks of a buffer, to blocks of the file."

        var declaration: KeyDeclaration {
            switch self {
            case .from:
                KeyDeclaration(.anyName, "The buffer written from.", required: true)
            case .at:
                KeyDeclaration(
                    .integer(0...(Geometry.maximumBlocks - 1)), "The first block of the file written.",
                    default: .integer(Self.defaultAt))
            case .blocks:
                KeyDeclaration(
                    .integer(1...Geometry.maximumBlocks), "The blocks written; the buffer's length when left out.")
            }
        }
    }

    /// The keys of a mutator.
    enum Mutator: String, ModelFileKey {
        case target, budget

        /// The changes a mutator may make when `budget` is not given.
        static let defaultBudget = 1

        static let definition = "mutator"
        static let summary = "What a mutator changes, and how many times."

        var declaration: KeyDeclaration {
            switch self {
            case .target:
                KeyDeclaration(
                    .either([.word([MutationTarget.pageCacheName]), .anyName]),
                    "A buffer's name, or \(MutationTarget.pageCacheName) for any word of any cached folio"
                        + " (an mmap writer, a guest file system).",
                    required: true)
            case .budget:
                KeyDeclaration(
                    .integer(0...Scenario.Actor.maximumBudget), "The most changes the mutator makes.",
                    default: .integer(Self.defaultBudget))
            }
        }
    }
}
