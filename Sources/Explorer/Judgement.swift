/// What a property says of one state or one transition.
@_spi(Search) public enum Judgement: Hashable, Sendable {
    /// The property holds here.
    case holds
    /// The property is violated here.
    case violated
    /// The property could not be decided here, for the reason given.
    case unknown(reason: String)
}
