extension Policy {
    /// Whether this policy's device guard alone makes `property` hold in every reachable state of
    /// `scenario`, so that no search needs to decide it.
    ///
    /// Without crashes (§10), readers or scrubbers (§9), stored words and checksums change only in a
    /// successful `complete` (§2): a failing one stores nothing. Under `device-check: guard`, a
    /// `complete` of a bio that carries checksums succeeds only where, for every mirror and block,
    /// H(received) equals the bio's checksum (§8), and it stores exactly those words and checksums; a
    /// bio without checksums clears the stored checksum. The initial state has matching checksums and
    /// equal mirrors. So:
    ///
    /// - `csum-matches-data` holds whenever the scenario observes the guard;
    /// - `mirrors-agree` holds where, besides, every bio the scenario can issue carries checksums and
    ///   equal checksums mean equal words (concrete data, or CRC-32C of blocks of at most 32 bits).
    ///
    /// A property stated in Swift under a built-in's name is not the built-in: it is guaranteed nothing.
    package func guarantees(_ property: ExtentProperty, in scenario: Scenario) -> Bool {
        guard property.isBuiltIn, scenario.crashes == 0, !scenario.actors.contains(where: \.readsBack) else { return false }
        let observed = observed(by: scenario)
        guard observed.deviceCheck == .guard else { return false }
        switch property {
        case .csumMatchesData:
            return true
        case .mirrorsAgree:
            let checksumsEveryBio = observed.directIOChecksum && observed.bufferedChecksum
            let equalChecksumsMeanEqualWords =
                scenario.data != .symbolic
                || ConditionProjection.ChecksumFacts(scenario.checksum, over: scenario.geometry).isOneToOne
            return checksumsEveryBio && equalChecksumsMeanEqualWords
        default:
            return false
        }
    }
}
