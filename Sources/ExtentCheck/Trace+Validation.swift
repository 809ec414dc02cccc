@_spi(Search) public import Extent

extension Trace {
    /// Throws `TraceFileError.malformed` unless the trace hangs together as a replay needs: steps
    /// numbered 1, 2, 3, …, each taken by its action's actor, one state more than steps, every state
    /// with every part of a snapshot.
    public func validate() throws(TraceFileError) {
        for (index, step) in steps.enumerated() where step.number != index + 1 {
            throw TraceFileError.malformed("step \(index + 1) is numbered \(step.number)")
        }
        for step in steps where step.action.actor != step.actor {
            throw TraceFileError.malformed(
                "step \(step.number) is taken by \(step.actor), but its action by \(step.action.actor)")
        }
        guard states.count == steps.count + 1 else {
            throw TraceFileError.malformed(
                "it has \(states.count) states for \(steps.count) steps; a trace has the initial state and one after each step")
        }
        for (index, state) in states.enumerated() {
            if let missing = ExtentModel.snapshotParts.first(where: { state[$0] == nil }) {
                throw TraceFileError.missing(missing, in: "state \(index)")
            }
        }
    }
}
