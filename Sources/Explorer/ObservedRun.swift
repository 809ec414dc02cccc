/// What a search constrained by a log found: a path that matches every event, or the first event
/// that no path matches.
@_spi(Search) public enum ObservedRun<State, Action> {
    /// A path matches every event; `path` is one with the fewest steps.
    case admitted(path: Path<State, Action>)
    /// No path matches event `event` (counted from 0); `path` is one of the fewest steps that
    /// matches every event before it, and `enabled` the steps enabled where it ends.
    case refused(event: Int, path: Path<State, Action>, enabled: [Action])
}

extension ObservedRun: Sendable where State: Sendable, Action: Sendable {}
