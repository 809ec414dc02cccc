/// One run of a swarm: run `index` of `count` runs that share a hunt, each on its own machine or
/// core, with a seed no other member has and, where the command offers one, its own way to search;
/// or, as a shard of an exhaustive run, its own share of the run's work.
///
/// Written `I/N` on the command line, `1/8` through `8/8`.
public struct SwarmMember: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The member's number, 1 through `count`.
    public var index: Int
    /// The number of members.
    public var count: Int

    /// Member `index` of `count`; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`; nil if it is not two integers with 1 ≤ I ≤ N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// The member's seed, derived from the swarm's `seed`: members of one swarm never share one.
    ///
    /// SplitMix64's output is a bijection of its state, so distinct members give distinct seeds.
    public func seed(from seed: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return generator.next()
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}
