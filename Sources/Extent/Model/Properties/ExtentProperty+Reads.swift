extension ExtentProperty {
    /// No read of a block ends with EIO (§9). Judged on the `end` of a read, like `checksummed`: no
    /// flag is kept in the state.
    public static let readsSucceed = ExtentProperty(
        name: "reads-succeed",
        meaning: "a read of a block returned EIO: every mirror it tried failed the stored checksum",
        kind: .onEveryTransition, explains: .reads,
        judge: .transition(at: StepView.Kinds([.end])) { before, step in
            guard step.fails, let name = step.reader, let block = step.readBlock else { return [] }
            let checksum = try before.stored[block].checksum
            return [
                Finding(
                    "\(step): \(name)'s read of block \(block) returns EIO: no mirror it tried matched the stored "
                        + "checksum \(checksum.map(before.show) ?? "")")
            ]
        })

    /// No check fails data the device read intact (§9): judged on a failing `check` (the data as its
    /// fetch read it matches the stored checksum, but the memory it landed in changed before the
    /// check) and on a `scrub` (a mirror it fails matches).
    public static let noFalseAlarm = ExtentProperty(
        name: "no-false-alarm",
        meaning: "a check failed data the device read intact: the memory changed under the check, the media was fine",
        kind: .onEveryTransition, explains: .falseAlarms,
        judge: .transition(at: StepView.Kinds([.check, .scrub])) { before, step in
            if case .scrub(_, let failing) = step.action { return try falseScrubAlarms(failing, before: before, step: step) }
            guard step.fails, let reader = before.readers.first(where: { $0.name == step.reader }),
                let block = reader.block, let mirror = reader.fetchedMirror, let fetched = reader.fetched,
                let landed = reader.landed, let checksum = try before.stored[block].checksum
            else { return [] }
            return [
                Finding(
                    when: checksum == before.checksum(of: fetched),
                    "\(step): the device read \(before.show(fetched)) from mirror \(mirror), which matches the stored "
                        + "checksum \(before.show(checksum)), but the check read \(before.show(landed)) where it landed: "
                        + "a false alarm")
            ]
        })

    /// The findings of a scrub that fails mirrors whose stored data matches the checksum.
    private static func falseScrubAlarms(_ failing: UInt32, before: StateView, step: StepView) throws -> [Finding] {
        guard let index = step.readBlock, let checksum = try before.stored[index].checksum else { return [] }
        let block = try before.stored[index]
        return (0..<block.mirrorCount).filter { failing & (1 << $0) != 0 }.map { mirror in
            let data = block.data(onMirror: mirror)
            return Finding(
                when: checksum == before.checksum(of: data),
                "\(step): the scrub fails mirror \(mirror), whose data \(before.show(data)) matches the checksum: a false alarm")
        }
    }

    /// Every scrub of a damaged block reports it (§9): a block whose mirrors differ, or whose data on a
    /// mirror does not match its stored checksum. Judged on the `scrub`.
    public static let scrubFindsDamage = ExtentProperty(
        name: "scrub-finds-damage",
        meaning: "a scrub reported nothing of a damaged block: its mirrors differ, or disagree with its checksum",
        kind: .onEveryTransition, explains: .scrubs,
        judge: .transition(at: StepView.Kinds([.scrub])) { before, step in
            guard case .scrub(_, let failing) = step.action, failing == 0, let index = step.readBlock else { return [] }
            return unreportedDamage(try before.stored[index], before: before, step: step)
        })

    /// The findings of a scrub that failed no mirror's checksum: what damage of `block` went unreported.
    /// Under `compare-copies` a difference between the mirrors is reported, so only a checksum mismatch
    /// with equal copies goes unreported; under `checksums` a difference goes unreported too.
    private static func unreportedDamage(_ block: StoredBlock, before: StateView, step: StepView) -> [Finding] {
        let first = block.data(onMirror: 0)
        let equalCopies = Condition.all((1..<block.mirrorCount).map { first == block.data(onMirror: $0) })
        var findings: [Finding] = []
        if before.policy.scrub == .checksums {
            for mirror in 1..<max(1, block.mirrorCount) {
                let data = block.data(onMirror: mirror)
                findings.append(
                    Finding(
                        when: first != data,
                        "\(step) reports nothing, but mirror 0 holds \(before.show(first)) and mirror \(mirror) holds "
                            + "\(before.show(data)): the copies differ and the scrub does not say so"))
            }
        }
        guard let checksum = block.checksum else { return findings }
        for mirror in 0..<block.mirrorCount {
            let data = block.data(onMirror: mirror)
            let mismatch = checksum != before.checksum(of: data)
            findings.append(
                Finding(
                    when: before.policy.scrub == .checksums ? mismatch : equalCopies && mismatch,
                    "\(step) reports nothing, but mirror \(mirror) holds \(before.show(data)), which does not match "
                        + "the stored checksum \(before.show(checksum))"))
        }
        return findings
    }
}
