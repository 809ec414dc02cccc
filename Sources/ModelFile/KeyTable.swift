internal import Extent

/// Every key of a model file, declared once with the shape of its value and what it means.
///
/// The reader accepts at each place the keys of that place's enum and no other, and names them
/// when it refuses one; `ModelFileSchema` is generated from the same enums. A key added here is
/// in the schema and accepted by the reader at once, and the reader must read it.
enum KeyTable {
    /// The verdicts `expect` may give an invariant.
    static let verdicts: [ExpectedVerdict] = [.holds, .violated]

    /// The keys of the top level, in the order of `model-files.md`.
    enum Model: String, ModelFileKey {
        case name, about, blocks
        case blockWords = "block-words"
        case wordBits = "word-bits"
        case mirrors, checksum, data, buffers, actors, crashes, policies, invariants, expect

        static let definition = "model"
        static let summary =
            "An extentcheck model file: the file's shape, the buffers, the actors and their scripts,"
            + " the policies to compare, the invariants to decide and the verdicts expected."

        var declaration: KeyDeclaration {
            switch self {
            case .name:
                KeyDeclaration(.anyName, "The scenario's name; the file's name without its extension when left out.")
            case .about:
                KeyDeclaration(.text, "What the scenario stands for, in the author's words.")
            case .blocks, .blockWords, .wordBits, .mirrors:
                geometry
            case .checksum:
                KeyDeclaration(
                    .word(ChecksumKind.allCases.map(\.rawValue)),
                    "The function stored as a block's checksum: crc32c, or uninterpreted for verdicts that hold"
                        + " for every checksum algorithm.",
                    default: .string(Scenario(name: "").checksum.rawValue))
            case .data:
                // concrete:K as `DataMode(parsing:)` reads it, K at least 1; the reader alone bounds K.
                KeyDeclaration(
                    .either([.word([DataMode.symbolic.description]), .pattern("^concrete:0*[1-9][0-9]*$")]),
                    "symbolic: every fresh word may hold any value, decided by Z3; concrete:K: words take the"
                        + " values 0 through K-1, each explored.",
                    default: .string(Scenario(name: "").data.description))
            case .buffers:
                KeyDeclaration(
                    .names(
                        .name(excluding: [MutationTarget.pageCacheName]), value: .integer(1...Geometry.maximumBlocks),
                        limit: Scenario.maximumBuffers),
                    "The user buffers a writer writes from: a mapping of name to length in blocks.")
            case .crashes:
                KeyDeclaration(
                    .integer(0...Scenario.maximumCrashes),
                    "How many times power may be lost, at any step, each time followed by the next mount.",
                    default: .integer(0))
            case .actors, .policies, .invariants, .expect:
                parts
            }
        }

        /// The declarations of the file's shape: its size and the shape of its blocks.
        private var geometry: KeyDeclaration {
            let defaults = Geometry()
            return switch self {
            case .blocks:
                KeyDeclaration(
                    .integer(1...Geometry.maximumBlocks), "The file's size in blocks.", default: .integer(defaults.blocks))
            case .blockWords:
                KeyDeclaration(
                    .integer(1...Geometry.maximumBlockWords), "The words of a block.", default: .integer(defaults.blockWords))
            case .wordBits:
                KeyDeclaration(.integer(Geometry.supportedWordBits), "The bits of a word.", default: .integer(defaults.wordBits))
            default:
                KeyDeclaration(
                    .integer(Geometry.supportedMirrors), "The copies of each stored block: 2 for RAID1 or DUP.",
                    default: .integer(defaults.mirrors))
            }
        }

        /// The declarations of the actors, the policies, the invariants and the expected verdicts.
        private var parts: KeyDeclaration {
            let invariants = ExtentProperty.builtIn.map(\.name)
            return switch self {
            case .actors:
                KeyDeclaration(
                    .names(.anyName, value: .mapping(MappingShape(Actor.self)), limit: Scenario.maximumActors),
                    "The actors, in order: a mapping of name to role, writer or mutator.")
            case .policies:
                KeyDeclaration(
                    .sequence(
                        .either([.word(Policy.builtIn.map(\.name)), .mapping(MappingShape(PolicyColumn.self))]),
                        minimum: 1, limit: nil, unique: true),
                    "The policies to compare, in order: built-in policies by name, and custom policies;"
                        + " every built-in policy when left out.")
            case .invariants:
                KeyDeclaration(
                    .sequence(.word(invariants), minimum: 1, limit: nil, unique: true),
                    "The invariants to decide, in order; every built-in invariant when left out.")
            default:
                KeyDeclaration(
                    .names(
                        .anyName,
                        value: .either([
                            .word([ExpectedVerdict.holds.rawValue]),
                            .names(.word(invariants), value: .word(KeyTable.verdicts.map(\.rawValue)), limit: nil),
                        ]),
                        limit: nil),
                    "The verdicts expected, by policy: holds (every invariant holds) or a mapping of invariant"
                        + " to holds or violated. check exits 1 when a verdict differs.")
            }
        }
    }
}
