/// What a simulation found: per property, in the order given, its verdict; and how far it walked.
@_spi(Search) public struct SimulationOutcome<State, Action> {
    /// One verdict per property.
    @_spi(Search) public var verdicts: [PropertyOutcome<State, Action>]
    /// The walks taken.
    @_spi(Search) public var walks = 0
    /// The steps taken over all walks.
    @_spi(Search) public var steps = 0
    /// The time the walks and the shrinking took, in seconds.
    @_spi(Search) public var seconds = 0.0
    /// The limit that ended the simulation early, if one did.
    @_spi(Search) public var limit: SearchLimit?
}

extension SimulationOutcome: Sendable where State: Sendable, Action: Sendable {}
