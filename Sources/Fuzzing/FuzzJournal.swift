public import Explorer
public import Foundation

/// A file a fuzz run writes as it goes, one JSON object a line: what the run is, then every
/// violation as it is found and shrunk, and now and then how far it got. A run stopped early keeps
/// what it decided, and a run given the same journal to resume goes on where it stopped.
public final class FuzzJournal {
    /// The journal's path.
    public let path: String
    /// Whether the run goes on from the journal's end rather than starting it.
    public let resumes: Bool
    var handle: FileHandle?
    var lastCheckpoint = ContinuousClock.now
    let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A journal at `path`: started by the run (refused if the file exists), or resumed.
    public init(path: String, resumes: Bool) {
        self.path = path
        self.resumes = resumes
    }

    /// One line of the journal.
    struct Line: Codable {
        var run: Header?
        var found: Found?
        var checkpoint: Checkpoint?
    }

    /// What run the journal is of: a resumed run must be the same.
    struct Header: Codable, Equatable {
        var version = 1
        var policies: [String]
        var invariants: [String]
        var bounds: WorkloadBounds
        var mode: Fuzzer.Mode
        var crashes: Int?
        var reductions: [String]?
        var shard: SwarmMember?
        var decidesEveryInvariant: Bool
    }

    /// A violation found and shrunk, for one policy.
    struct Found: Codable {
        var policy: String
        var finding: FuzzReport.Finding
    }

    /// How far the run got: its counts, and each policy's.
    struct Checkpoint: Codable {
        var checkedThrough: Int
        var checked: Int
        var explorations: Int
        var states: Int
        var seconds: Double
        var policies: [Counts]
    }

    /// One policy's counts.
    struct Counts: Codable {
        var workloads: Int
        var standsFor: Int?
        var unknownWorkloads: Int
        var states: Int
        var shrinkCandidates: Int
        var shrinkSteps: Int
    }
}
