import ExtentCheck

/// Five properties stated through the public API, as a user of the library states them.
enum ExampleProperties {
    /// Nothing reaches the disk that nobody wrote: every stored word is a value its source held at
    /// some moment of the run.
    ///
    /// "At some moment" is a statement about the run's history, and a state keeps no history. So the
    /// property is stated on every transition, as the induction that proves it: the device receives
    /// only what the bio's source holds at that step, a bounce copy is what its buffer holds when it
    /// is taken, a `complete` stores only what the device received, and no other step touches the
    /// stored file (a failing `complete` stores nothing). Along any run these give the history statement,
    /// from the initial stored content on.
    static let noFabricatedData = ExtentProperty.onEveryTransition(
        "no-fabricated-data",
        meaning: "a step put data into a transfer or onto the disk that its source did not hold"
    ) { before, step in
        let after = step.after
        switch step.kind {
        case .dma:
            guard let owner = step.bio, let bio = before.bio(of: owner), let sent = after.bio(of: owner) else { return [] }
            var findings: [Finding] = []
            for block in bio.fileBlocks {
                for mirror in 0..<before.geometry.mirrors where try bio.received(mirror: mirror, block: block) == nil {
                    guard let received = try sent.received(mirror: mirror, block: block) else { continue }
                    findings.append(
                        Finding(
                            when: try received != bio.sourceData(block: block),
                            "\(step) received \(after.show(received)), which its source did not hold"))
                }
            }
            return findings
        case .dioWrite:
            guard let writer = step.writer, let bio = after.writer(named: writer)?.bio,
                case .bounceCopy(let name) = bio.source, let buffer = before.buffer(named: name)
            else { return [] }
            return try bio.fileBlocks.map { block in
                Finding(
                    when: try bio.sourceData(block: block) != buffer.block(block - bio.fileBlocks.lowerBound),
                    "\(step) took a bounce copy of block \(block) that \(name) did not hold")
            }
        case .complete where !step.fails:
            guard let owner = step.bio, let bio = before.bio(of: owner) else { return [] }
            var findings: [Finding] = []
            for block in bio.fileBlocks {
                for mirror in 0..<before.geometry.mirrors {
                    guard let received = try bio.received(mirror: mirror, block: block) else {
                        return [Finding("\(step) completed before mirror \(mirror) of block \(block) was transferred")]
                    }
                    let stored = try after.stored[block].mirror(mirror)
                    findings.append(
                        Finding(
                            when: stored != received,
                            "\(step) stored \(after.show(stored)) in block \(block) mirror \(mirror), "
                                + "but the device received \(after.show(received))"))
                }
            }
            return findings
        case .repair, .scrub:
            // A read's repair and a scrub rewrite mirrors from what a read returned or another mirror
            // holds: data a source held, which the checksums judge.
            return []
        case .crash:
            // A crash leaves on the media what the device received of a bio in flight, or the copy a
            // resync takes from mirror 0.
            var findings: [Finding] = []
            for block in before.stored {
                for mirror in 0..<before.geometry.mirrors {
                    let stored = try after.stored[block.index].mirror(mirror)
                    var sources = try [block.mirror(mirror)]
                    if mirror > 0, before.policy.crashRecovery == .resync { sources.append(try after.stored[block.index].mirror(0)) }
                    for bio in before.bios where bio.fileBlocks.contains(block.index) {
                        if let received = try bio.received(mirror: mirror, block: block.index) { sources.append(received) }
                    }
                    findings.append(
                        Finding(
                            when: .all(sources.map { $0 != stored }),
                            "\(step) left \(after.show(stored)) in block \(block.index) mirror \(mirror), which no bio received"))
                }
            }
            return findings
        case .complete, .write, .fsync, .writeback, .csum, .mutate, .read, .fetch, .check, .end:
            break
        }
        // No step but a successful `complete`, a repair or a scrub touches the stored file.
        var findings: [Finding] = []
        for block in before.stored {
            for mirror in 0..<before.geometry.mirrors {
                findings.append(
                    Finding(
                        when: try block.mirror(mirror) != after.stored[block.index].mirror(mirror),
                        "\(step) changed stored block \(block.index) mirror \(mirror) without storing anything"))
            }
        }
        return findings
    }

    /// Once a writer's `fsync` has returned, every block it wrote holds, on every mirror, a value its
    /// buffer held during that write.
    ///
    /// Stated on transitions, over what a state shows: a block a writer has written and not yet
    /// `fsync`ed is pending for it (from the write's step until its next `fsync` returns). In this model
    /// a pending block can come to hold data the writer's buffer never held in three ways only: a
    /// mutator changes its folio (the change is written back before the `fsync` can return), another
    /// writer writes it, or the bio writing it fails its verify or the device's check (the block keeps
    /// its old data). Each such step violates the property; a mutator changing the writer's own buffer
    /// during an O_DIRECT write does not, since the buffer held the new value during the write.
    static let durableOnReturn = ExtentProperty.onEveryTransition(
        "durable-on-return",
        meaning: "a writer's fsync can return with a block holding data its buffer never held during the write"
    ) { before, step in
        let pending = before.writers.map { (name: $0.name, blocks: pendingBlocks(of: $0)) }
        switch step.kind {
        case .mutate:
            if let block = step.changedFolio, let owner = pending.first(where: { $0.blocks.contains(block) }) {
                return [Finding("\(step.actor) changed folio \(block) after \(owner.name) wrote it and before its fsync returned")]
            }
        case .complete where step.fails:
            guard let owner = step.bio, let bio = before.bio(of: owner),
                let writer = pending.first(where: { !$0.blocks.isDisjoint(with: bio.fileBlocks) })
            else { break }
            return [Finding("\(step): \(writer.name)'s blocks \(bio.fileBlocks) keep their old data, and its write returns EIO")]
        case .dioWrite, .write:
            guard let writer = step.writer, let written = before.writer(named: writer).flatMap(writtenRange) else { break }
            if let owner = pending.first(where: { $0.name != writer && !$0.blocks.isDisjoint(with: written) }) {
                return [Finding("\(writer) writes blocks \(written) while \(owner.name) waits for them to be durable")]
            }
        default:
            break
        }
        return []
    }

    /// Whenever no bio is in flight, every mirror of every block agrees and matches its stored checksum.
    static let quiescentAgreement = ExtentProperty.always(
        "quiescent-agreement",
        meaning: "with no bio in flight, a stored block's mirrors differ or disagree with its checksum"
    ) { state in
        guard state.bios.isEmpty else { return [] }
        var findings: [Finding] = []
        for block in state.stored {
            let first = try block.mirror(0)
            for (mirror, data) in block.mirrors.enumerated() {
                if mirror > 0 {
                    findings.append(
                        Finding(
                            when: first != data,
                            "no bio in flight, yet stored block \(block.index) holds \(state.show(first)) on mirror 0 "
                                + "and \(state.show(data)) on mirror \(mirror)"))
                }
                if let checksum = block.checksum {
                    findings.append(
                        Finding(
                            when: checksum != state.checksum(of: data),
                            "no bio in flight, yet stored block \(block.index) mirror \(mirror) holds \(state.show(data)) "
                                + "under the checksum \(state.show(checksum))"))
                }
            }
        }
        return findings
    }

    /// Some run has a mutation land between a bio's `csum` and its `dma`: the window of the seed's race.
    static let raceWindow = ExtentProperty.sometimes(
        "race-window",
        meaning: "a mutation lands between a bio's csum and its dma"
    ) { state in
        var findings: [Finding] = []
        for bio in state.bios {
            for block in bio.fileBlocks {
                guard let checksum = try bio.checksum(block: block),
                    try (0..<state.geometry.mirrors).contains(where: { try bio.received(mirror: $0, block: block) == nil })
                else { continue }
                let source = try bio.sourceData(block: block)
                findings.append(
                    Finding(
                        when: checksum.data != source,
                        "\(bio.name) summed block \(block) as \(state.show(checksum.data)), "
                            + "and its source now holds \(state.show(source)) before the device read it"))
            }
        }
        return findings
    }

    /// A stored block's checksum changes only in a step that changes its data too: a checksum is
    /// rewritten only with the data it covers. Broken under `dio-csum` when the guest rewrites a
    /// block with the value it already held, after the checksum was summed from another: the
    /// checksum changes, the data does not. The condition needs one value of the words for both
    /// comparisons, which is why it is one `Condition`.
    static let checksumFollowsData = ExtentProperty.onEveryTransition(
        "checksum-follows-data",
        meaning: "a step changed a stored block's checksum and left its data as it was"
    ) { before, step in
        let after = step.after
        return try before.stored.compactMap { block in
            let stored = try after.stored[block.index]
            guard let old = block.checksum, let new = stored.checksum else { return nil }
            let (oldData, newData) = (try block.mirror(0), try stored.mirror(0))
            return Finding(
                when: old != new && oldData == newData,
                "\(step) set stored block \(block.index)'s checksum to \(after.show(new)) while its data stayed \(after.show(newData))")
        }
    }

    /// All five, in the order above.
    static let all = [noFabricatedData, durableOnReturn, quiescentAgreement, raceWindow, checksumFollowsData]

    /// The file blocks a writer has written and whose `fsync` has not yet returned: from the step after
    /// its last `fsync` up to its position, the current step included once it has started (it waits inside it).
    static func pendingBlocks(of writer: WriterView) -> Set<Int> {
        let script = writer.script
        let end = writer.isWaiting ? writer.position + 1 : writer.position
        let start = script[..<writer.position].lastIndex(of: .fsync).map { $0 + 1 } ?? 0
        var blocks = Set<Int>()
        for step in script[start..<max(start, end)] {
            if case .directWrite(let range) = step { blocks.formUnion(range.fileBlocks) }
            if case .bufferedWrite(let range) = step { blocks.formUnion(range.fileBlocks) }
        }
        return blocks
    }

    /// The file blocks the writer's current step writes, if it writes.
    static func writtenRange(of writer: WriterView) -> Set<Int>? {
        switch writer.currentStep {
        case .directWrite(let range), .bufferedWrite(let range): Set(range.fileBlocks)
        case .fsync, nil: nil
        }
    }
}
