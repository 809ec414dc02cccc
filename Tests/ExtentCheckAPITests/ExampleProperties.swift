import ExtentCheck

/// Four properties stated through the public API, as a user of the library states them.
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
            guard let owner = step.bio, let bio = before.bio(of: owner), let sent = after.bio(of: owner) else { return nil }
            for block in bio.fileBlocks {
                for mirror in 0..<before.geometry.mirrors where bio.received(mirror: mirror, block: block) == nil {
                    guard let received = sent.received(mirror: mirror, block: block) else { continue }
                    if try after.mayDiffer(received, bio.sourceData(block: block)) {
                        return "\(step) received \(after.show(received)), which its source did not hold"
                    }
                }
            }
        case .dioWrite:
            guard let writer = step.writer, let bio = after.writer(named: writer)?.bio,
                case .bounceCopy(let name) = bio.source, let buffer = before.buffer(named: name)
            else { return nil }
            for block in bio.fileBlocks
            where try after.mayDiffer(bio.sourceData(block: block), buffer.block(block - bio.fileBlocks.lowerBound)) {
                return "\(step) took a bounce copy of block \(block) that \(name) did not hold"
            }
        case .complete where !step.fails:
            guard let owner = step.bio, let bio = before.bio(of: owner) else { return nil }
            for block in bio.fileBlocks {
                for mirror in 0..<before.geometry.mirrors {
                    guard let received = bio.received(mirror: mirror, block: block) else {
                        return "\(step) completed before mirror \(mirror) of block \(block) was transferred"
                    }
                    let stored = after.stored[block].mirror(mirror)
                    if try after.mayDiffer(stored, received) {
                        return "\(step) stored \(after.show(stored)) in block \(block) mirror \(mirror), "
                            + "but the device received \(after.show(received))"
                    }
                }
            }
            return nil
        case .complete, .write, .fsync, .writeback, .csum, .mutate:
            break
        }
        // No step but a successful `complete` touches the stored file.
        for block in before.stored {
            for mirror in 0..<before.geometry.mirrors
            where try after.mayDiffer(block.mirror(mirror), after.stored[block.index].mirror(mirror)) {
                return "\(step) changed stored block \(block.index) mirror \(mirror) without completing a bio"
            }
        }
        return nil
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
        switch step.action {
        case .mutate(_, .folio(let block, _), _):
            if let owner = pending.first(where: { $0.blocks.contains(block) }) {
                return "\(step.actor) changed folio \(block) after \(owner.name) wrote it and before its fsync returned"
            }
        case .failedCompletion(let owner):
            guard let bio = before.bio(of: owner),
                let writer = pending.first(where: { !$0.blocks.isDisjoint(with: bio.fileBlocks) })
            else { break }
            return "\(step): \(writer.name)'s blocks \(bio.fileBlocks) keep their old data, and its write returns EIO"
        case .writerStep:
            guard let writer = step.writer, let written = before.writer(named: writer).flatMap(writtenRange) else { break }
            if let owner = pending.first(where: { $0.name != writer && !$0.blocks.isDisjoint(with: written) }) {
                return "\(writer) writes blocks \(written) while \(owner.name) waits for them to be durable"
            }
        default:
            break
        }
        return nil
    }

    /// Whenever no bio is in flight, every mirror of every block agrees and matches its stored checksum.
    static let quiescentAgreement = ExtentProperty.always(
        "quiescent-agreement",
        meaning: "with no bio in flight, a stored block's mirrors differ or disagree with its checksum"
    ) { state in
        guard state.bios.isEmpty else { return nil }
        for block in state.stored {
            let first = block.mirror(0)
            for (mirror, data) in block.mirrors.enumerated() {
                if mirror > 0, try state.mayDiffer(first, data) {
                    return "no bio in flight, yet stored block \(block.index) holds \(state.show(first)) on mirror 0 "
                        + "and \(state.show(data)) on mirror \(mirror)"
                }
                if let checksum = block.checksum, try state.mayDiffer(checksum, state.checksum(of: data)) {
                    return "no bio in flight, yet stored block \(block.index) mirror \(mirror) holds \(state.show(data)) "
                        + "under the checksum \(state.show(checksum))"
                }
            }
        }
        return nil
    }

    /// Some run has a mutation land between a bio's `csum` and its `dma`: the window of the seed's race.
    static let raceWindow = ExtentProperty.sometimes(
        "race-window",
        meaning: "a mutation lands between a bio's csum and its dma"
    ) { state in
        for bio in state.bios {
            for block in bio.fileBlocks {
                guard let checksum = bio.checksum(block: block),
                    (0..<state.geometry.mirrors).contains(where: { bio.received(mirror: $0, block: block) == nil })
                else { continue }
                if try state.mayDiffer(checksum.data, bio.sourceData(block: block)) {
                    return "\(bio.name) summed block \(block) as \(state.show(checksum.data)), "
                        + "and its source now holds \(state.show(bio.sourceData(block: block))) before the device read it"
                }
            }
        }
        return nil
    }

    /// All four, in the order above.
    static let all = [noFabricatedData, durableOnReturn, quiescentAgreement, raceWindow]

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
