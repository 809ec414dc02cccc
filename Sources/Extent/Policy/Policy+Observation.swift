extension Policy {
    /// This policy as `scenario` can tell it apart from others: every column no step of the scenario
    /// consults set to its default, the `...-if-mirrored` paths resolved by the scenario's mirrors, and
    /// the name and summary left empty.
    ///
    /// Two policies observed alike by a scenario give it the same model: the same states, steps and
    /// verdicts of every built-in invariant (user properties may read any column, so this says nothing
    /// of them). A scenario without `dio-write` never takes the O_DIRECT path; one without writeback
    /// never consults the page cache's columns; the columns of §9 need readers or a scrubber, those of
    /// §10 crashes. Whether stored blocks start with a checksum depends on both checksum columns, so
    /// that is kept even where neither is consulted otherwise.
    public func observed(by scenario: Scenario) -> Policy {
        let uses = ColumnUse(scenario: scenario, policy: self)
        let checksumsAnything = self.checksumsAnything
        var observed = Policy(
            name: "", directIOPath: uses.directWrites ? uses.path : .direct,
            directIOChecksum: uses.writerBios ? directIOChecksum : checksumsAnything,
            bufferedChecksum: uses.writebacks ? bufferedChecksum : checksumsAnything,
            stablePages: uses.writebacks ? stablePages : true)
        if uses.writerBios, uses.path == .direct {
            observed.userPages = userPages
            if directIOChecksum { observed.verify = verify }
        }
        if (uses.writerBios && directIOChecksum) || (uses.writebacks && bufferedChecksum) { observed.deviceCheck = deviceCheck }
        if uses.writebacks { observed.writebackSource = writebackSource }
        if uses.directReads { observed.directRead = directRead }
        if uses.readsBack {
            observed.readFailure = readFailure
            observed.readRepair = readRepair
        }
        if uses.scrubs { observed.scrub = scrub }
        if uses.crashes {
            observed.overwrite = overwrite
            observed.crashRecovery = crashRecovery
        }
        return observed
    }

    /// What a scenario does that some column decides.
    private struct ColumnUse {
        /// The path an O_DIRECT write takes on the scenario's file, as a column value.
        var path: DirectIOPath
        var directWrites = false
        var bufferedWrites = false
        var directReads = false
        var readsBack = false
        var scrubs = false
        var crashes: Bool

        /// Whether a writer's own bio can be in flight: an O_DIRECT write not fallen back.
        var writerBios: Bool { directWrites && path != .buffered }
        /// Whether a folio can be written back: a buffered write, or an O_DIRECT one fallen back.
        var writebacks: Bool { bufferedWrites || (directWrites && path == .buffered) }

        init(scenario: Scenario, policy: Policy) {
            path =
                switch ExtentModel.directIOPath(of: policy, mirrors: scenario.geometry.mirrors) {
                case .direct: .direct
                case .bounce: .bounce
                case .buffered: .buffered
                }
            crashes = scenario.crashes > 0
            for actor in scenario.actors {
                switch actor.role {
                case .writer(let script):
                    for step in script {
                        switch step {
                        case .directWrite: directWrites = true
                        case .bufferedWrite: bufferedWrites = true
                        case .fsync: break
                        }
                    }
                case .reader(let script):
                    readsBack = true
                    directReads = directReads || script.contains { if case .directRead = $0 { true } else { false } }
                case .scrubber:
                    readsBack = true
                    scrubs = true
                case .mutator:
                    break
                }
            }
        }
    }
}
