/// The steps of a search or a part of one counted per coverage key. Empty, it holds no storage: a
/// search that counts nothing keeps one without allocating.
@usableFromInline
struct CoverageTally<Key: Hashable> {
    /// Steps taken, per key.
    @usableFromInline var transitions: [Key: Int] = [:]
    /// New states first reached, per key of the step that reached them.
    @usableFromInline var states: [Key: Int] = [:]

    @inlinable
    init() {}

    /// Counts a step of `key`; a step without a key is not counted.
    @inlinable @inline(__always)
    mutating func countTransition(_ key: Key?) {
        if let key { transitions[key, default: 0] += 1 }
    }

    /// Counts a state first reached by a step of `key`; a step without a key is not counted.
    @inlinable @inline(__always)
    mutating func countState(_ key: Key?) {
        if let key { states[key, default: 0] += 1 }
    }

    /// Adds what `other` counted.
    @inlinable
    mutating func add(_ other: CoverageTally) {
        transitions.merge(other.transitions, uniquingKeysWith: +)
        states.merge(other.states, uniquingKeysWith: +)
    }

    /// The counts per key, for every key a step was taken of.
    @inlinable
    var steps: [Key: StepCoverage] {
        var steps = transitions.mapValues { StepCoverage(transitions: $0) }
        for (key, count) in states { steps[key, default: StepCoverage()].states = count }
        return steps
    }
}
