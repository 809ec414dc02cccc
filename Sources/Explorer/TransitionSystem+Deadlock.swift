extension TransitionSystem {
    /// Whether `state`, in which `successors` steps are enabled, is a deadlock: no step is, and the
    /// system does not call it finished.
    @inlinable
    @_spi(Search) public func isDeadlocked(_ state: State, successors: Int) -> Bool { successors == 0 && !isFinished(state) }
}
