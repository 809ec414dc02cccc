/// What a simulation found: per property, in the order given, its verdict; and how far it walked.
package struct SimulationOutcome<State, Action> {
    /// One verdict per property.
    package var verdicts: [PropertyOutcome<State, Action>]
    /// The walks taken.
    package var walks = 0
    /// The steps taken over all walks.
    package var steps = 0
    /// The time the walks and the shrinking took, in seconds.
    package var seconds = 0.0
    /// The limit that ended the simulation early, if one did.
    package var limit: SearchLimit?
}

extension SimulationOutcome: Sendable where State: Sendable, Action: Sendable {}
