/// What a search or a simulation found of one property: its verdict, and the path that shows it.
package struct PropertyOutcome<State, Action> {
    /// The verdict.
    package var verdict: Verdict
    /// The path to the violation or the example, if the verdict is `violated` by a reachable state
    /// or `witnessed`: the shortest a search found, or the walk that found it, shrunk. Nil for a
    /// `sometimes` property that no reachable state is an example of.
    package var path: Path<State, Action>?
    /// Random walks: the walk that found the violation or example, counting from 1, and that walk as
    /// it was taken, before shrinking.
    package var walk: (number: Int, path: Path<State, Action>)?
    /// Why the verdict is `unknown`.
    package var reason: String?

    /// An outcome with a verdict and nothing more.
    package init(_ verdict: Verdict) {
        self.verdict = verdict
    }

    /// Every reachable state and transition satisfies the property.
    package static var holds: Self { Self(.holds) }

    /// A `sometimes` property that an exhaustive search found no example of.
    package static var neverWitnessed: Self { Self(.violated) }

    /// A violation, and the path to it.
    package static func violated(_ path: Path<State, Action>) -> Self {
        var outcome = Self(.violated)
        outcome.path = path
        return outcome
    }

    /// An example of a `sometimes` property, and the path to it.
    package static func witnessed(_ path: Path<State, Action>) -> Self {
        var outcome = Self(.witnessed)
        outcome.path = path
        return outcome
    }

    /// A property left undecided, for `reason`.
    package static func unknown(reason: String) -> Self {
        var outcome = Self(.unknown)
        outcome.reason = reason
        return outcome
    }

    /// Whether later walks may still change the verdict: nothing was found yet.
    var isOpen: Bool { !verdict.isFound }
}

extension PropertyOutcome: Sendable where State: Sendable, Action: Sendable {}
