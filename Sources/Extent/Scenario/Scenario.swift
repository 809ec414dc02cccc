/// A scenario to check: the file's shape, the user buffers, the actors and
/// their scripts, the policies to compare, the invariants to decide and the
/// verdicts its author expects.
///
/// A scenario is what a model file describes. It is checked once per policy;
/// every check explores the same scenario under that policy's write path.
public struct Scenario: Hashable, Sendable {
    /// The scenario's name, as the model file gives it.
    public var name: String
    /// What the scenario stands for, in the author's words.
    public var about: String
    /// The file's size and the shape of its blocks.
    public var geometry: Geometry
    /// The checksum the file system stores with each block.
    public var checksum: ChecksumKind
    /// Whether words are symbolic or enumerated concrete values.
    public var data: DataMode
    /// The user buffers, in the order the model file lists them.
    public var buffers: [Buffer]
    /// The actors, in the order the model file lists them.
    public var actors: [Actor]
    /// How many times power may be lost (§10): at any step, each time followed by the next mount.
    public var crashes: Int
    /// The policies to check, in order.
    public var policies: [Policy]
    /// The properties to decide, in order: the built-in invariants a model file names, and any
    /// property stated in Swift.
    public var invariants: [ExtentProperty]
    /// The verdicts the author expects, by policy name, then by property name.
    public var expectations: [String: [String: ExpectedVerdict]]

    /// Creates a scenario; every part not given takes the contract's default. Without `invariants`,
    /// the scenario decides `ExtentProperty.builtIn(for: actors)`.
    public init(
        name: String,
        about: String = "",
        geometry: Geometry = Geometry(),
        checksum: ChecksumKind = .crc32c,
        data: DataMode = .symbolic,
        buffers: [Buffer] = [],
        actors: [Actor] = [],
        crashes: Int = 0,
        policies: [Policy] = Policy.builtIn,
        invariants: [ExtentProperty]? = nil,
        expectations: [String: [String: ExpectedVerdict]] = [:]
    ) {
        self.name = name
        self.about = about
        self.geometry = geometry
        self.checksum = checksum
        self.data = data
        self.buffers = buffers
        self.actors = actors
        self.crashes = crashes
        self.policies = policies
        self.invariants = invariants ?? ExtentProperty.builtIn(for: actors)
        self.expectations = expectations
    }
}

extension Scenario {
    /// The number of words that start fresh (§7.2): every word of every buffer and of every stored block.
    /// Meaningful for a valid scenario; for sizes so large that the count overflows, `Int.max`.
    public var freshInitialWords: Int {
        let (blocks, overflowed) = buffers.reduce((geometry.blocks, false)) { sum, buffer in
            let (total, overflow) = sum.0.addingReportingOverflow(buffer.blocks)
            return (total, sum.1 || overflow)
        }
        let (words, overflow) = blocks.multipliedReportingOverflow(by: geometry.blockWords)
        return overflowed || overflow ? .max : words
    }

    /// The most initial states `concrete:K` data may enumerate (K to the number of fresh initial words).
    public static let maximumConcreteInitialStates = 1_000_000

    /// The policy with this name among the scenario's policies, if there is one.
    public func policy(named name: String) -> Policy? {
        policies.first { $0.name == name }
    }
}
