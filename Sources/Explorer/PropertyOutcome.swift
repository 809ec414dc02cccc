/// What a search or a simulation found of one property: its verdict, and the path that shows it.
@_spi(Search) public struct PropertyOutcome<State, Action> {
    /// The verdict.
    @_spi(Search) public var verdict: Verdict
    /// The path to the violation or the example, if the verdict is `violated` by a reachable state
    /// or `witnessed`: the shortest a search found, or the walk that found it, shrunk. Nil for a
    /// `sometimes` property that no reachable state is an example of.
    @_spi(Search) public var path: Path<State, Action>?
    /// Random walks: the walk that found the violation or example, counting from 1, and that walk as
    /// it was taken, before shrinking.
    @_spi(Search) public var walk: (number: Int, path: Path<State, Action>)?
    /// Why the verdict is `unknown`.
    @_spi(Search) public var reason: String?

    /// An outcome with a verdict and nothing more.
    @_spi(Search) public init(_ verdict: Verdict) {
        self.verdict = verdict
    }

    /// Every reachable state and transition satisfies the property.
    @_spi(Search) public static var holds: Self { Self(.holds) }

    /// A `sometimes` property that an exhaustive search found no example of.
    @_spi(Search) public static var neverWitnessed: Self { Self(.violated) }

    /// A violation, and the path to it.
    @_spi(Search) public static func violated(_ path: Path<State, Action>) -> Self {
        var outcome = Self(.violated)
        outcome.path = path
        return outcome
    }

    /// An example of a `sometimes` property, and the path to it.
    @_spi(Search) public static func witnessed(_ path: Path<State, Action>) -> Self {
        var outcome = Self(.witnessed)
        outcome.path = path
        return outcome
    }

    /// A property left undecided, for `reason`.
    @_spi(Search) public static func unknown(reason: String) -> Self {
        var outcome = Self(.unknown)
        outcome.reason = reason
        return outcome
    }

    /// Whether later walks may still change the verdict: nothing was found yet.
    var isOpen: Bool { !verdict.isFound }
}

extension PropertyOutcome: Sendable where State: Sendable, Action: Sendable {}
