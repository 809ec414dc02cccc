extension ExtentProperty {
    /// Every stored checksum matches its block's data on every mirror.
    public static let csumMatchesData = ExtentProperty(
        name: "csum-matches-data",
        meaning: "a stored checksum disagrees with its stored data: reads of the block fail with EIO",
        kind: .always, explains: .checksums,
        judge: .state { state in
            var findings: [Finding] = []
            for block in state.stored {
                guard let checksum = block.checksum else { continue }
                for mirror in 0..<block.mirrorCount {
                    let data = block.data(onMirror: mirror)
                    let differs = checksum != state.checksum(of: data)
                    guard state.decider.mayHold(differs) else { continue }
                    findings.append(
                        Finding(
                            when: differs,
                            "stored block \(block.index)\(block.mirrorCount == 1 ? "" : " mirror \(mirror)"): the stored "
                                + "checksum \(state.show(checksum)) disagrees with the stored data, whose checksum is "
                                + "\(state.show(state.checksum(of: data))): every read of the block fails with EIO"))
                }
            }
            return findings
        })

    /// With two mirrors, both copies of every stored block agree.
    public static let mirrorsAgree = ExtentProperty(
        name: "mirrors-agree",
        meaning: "the mirrors of a stored block differ: reads return different data per mirror",
        kind: .always, explains: .mirrors,
        judge: .state { state in
            var findings: [Finding] = []
            for block in state.stored {
                let first = block.data(onMirror: 0)
                for mirror in 1..<max(1, block.mirrorCount) {
                    let data = block.data(onMirror: mirror)
                    let differs = first != data
                    guard state.decider.mayHold(differs) else { continue }
                    findings.append(
                        Finding(
                            when: differs,
                            "stored block \(block.index): mirror 0 holds \(state.show(first)) "
                                + "but mirror \(mirror) holds \(state.show(data)): "
                                + "a read returns different data depending on the mirror"))
                }
            }
            return findings
        })

    /// Every block a write stores has a checksum. Judged at `complete`, by the step (§7.4): no
    /// "written" flag is kept in the state.
    public static let checksummed = ExtentProperty(
        name: "checksummed",
        meaning: "a write stored a block without a checksum: damage to it would go undetected",
        kind: .onEveryTransition, explains: .checksummed,
        judge: .transition(at: StepView.Kinds([.complete])) { before, step in
            // A failing complete stores nothing, so it stores nothing unchecked.
            guard case .unchecksummed(let blocks)? = Discrepancy.unchecksummed(before: before, step: step) else { return [] }
            let which = blocks.count == 1 ? "block \(blocks.lowerBound)" : "blocks \(blocks.lowerBound)..\(blocks.upperBound - 1)"
            return [Finding("\(step) stored \(which) without a checksum: damage to the data would go undetected")]
        })

    /// No write returns an I/O error: no `complete` fails its verify or the device's check (§8). Judged
    /// on the transition, like `checksummed`: the failing outcome was explored only where some value
    /// of the words makes a check fail, and the finding is the comparison that fails.
    public static let writesSucceed = ExtentProperty(
        name: "writes-succeed",
        meaning: "a write returned an I/O error: its verify or the device's check failed",
        kind: .onEveryTransition, explains: .writes,
        judge: .transition(at: StepView.Kinds([.complete])) { before, step in
            guard let failure = try Discrepancy.writeFailure(before: before, step: step) else { return [] }
            return [writeFailureFinding(failure, before: before, step: step)]
        })

    /// The finding of a failing `complete`: the comparison its check failed on, and what the write returns.
    private static func writeFailureFinding(_ failure: Discrepancy, before: StateView, step: StepView) -> Finding {
        guard let owner = step.bio, let bio = before.bio(of: owner) else { return Finding("\(step): the write returns EIO") }
        switch failure {
        case .verifyFailed(let block):
            let checksum = bio.checksum(at: block)!
            let source = bio.sourceData(at: block)
            return Finding(
                when: checksum != before.checksum(of: source),
                "\(step): the verify reads block \(block) of the source as \(before.show(source)), whose checksum "
                    + "\(before.show(before.checksum(of: source))) is not the \(before.show(checksum)) computed before the "
                    + "device read it: the write returns EIO")
        case .guardRejected(let block, let mirror):
            let checksum = bio.checksum(at: block)!
            let received = bio.received(mirror: mirror, at: block)!
            return Finding(
                when: checksum != before.checksum(of: received),
                "\(step): the device rejects block \(block) on mirror \(mirror): it received \(before.show(received)), "
                    + "whose checksum \(before.show(before.checksum(of: received))) does not match the guard "
                    + "\(before.show(checksum)): the write returns EIO")
        default:
            return Finding("\(step): the write returns EIO")
        }
    }

    /// No state has every step disabled while a writer or reader has not finished its script, or a
    /// scrubber its passes.
    public static let noDeadlock = ExtentProperty(
        name: "no-deadlock", meaning: "no step can run, yet a writer, reader or scrubber has not finished",
        kind: .noDeadlock, explains: .deadlock, judge: .noDeadlock)

    /// The contract's invariants (§4, then §8's and §9's), in its order.
    public static let builtIn: [ExtentProperty] = [
        csumMatchesData, mirrorsAgree, checksummed, noDeadlock, writesSucceed, readsSucceed, noFalseAlarm, scrubFindsDamage,
    ]

    /// The invariants of §9, judged on readers' and scrubbers' steps: they say nothing of a scenario
    /// without either.
    public static let readInvariants: [ExtentProperty] = [readsSucceed, noFalseAlarm, scrubFindsDamage]

    /// The built-in invariants a scenario of `actors` decides unless told otherwise: every one, but
    /// §9's only where a reader or a scrubber runs.
    public static func builtIn(for actors: [Scenario.Actor]) -> [ExtentProperty] {
        actors.contains(where: \.readsBack) ? builtIn : builtIn.filter { !readInvariants.contains($0) }
    }

    /// The built-in property with this name, if there is one.
    public static func builtIn(named name: String) -> ExtentProperty? {
        builtIn.first { $0.name == name }
    }
}
