/// Why a read property is violated (§9): the mirrors a read fetched, where each landed and what
/// changed it there, the checksum each check compared, and where the stored copies and checksum came from.
extension TraceExplanation {
    /// Why the read that the `end` at step `step` ended returned EIO: every check it made, in order.
    func readFailure(at step: Int) -> [String] {
        guard case .endRead(let reader) = actions[step - 1], let block = model.currentRead(of: reader, in: states[step - 1])?.block
        else { return [] }
        let start = last(atOrBefore: step) { $0 == .read(reader: reader) } ?? 1
        var lines = ["\(model.readers[reader].name)'s read of block \(block) returned EIO: every check it made failed"]
        for check in start..<step where actions[check - 1] == .check(reader: reader, passes: false) {
            lines += checkLines(reader, block: block, at: check)
        }
        return lines + storedChecksumLines(block, atOrBefore: step)
    }

    /// Why the failing check at step `step` is a false alarm: the device read data that matches, and
    /// the memory it landed in changed before the check.
    func falseAlarm(at step: Int) -> [String] {
        guard case .check(let reader, passes: false) = actions[step - 1],
            let block = model.currentRead(of: reader, in: states[step - 1])?.block
        else { return [] }
        let mirror = model.readProgress(of: reader, in: states[step - 1]).mirror
        let lines = ["the check at \(name(step)) fails mirror \(mirror), whose data matches the stored checksum"]
        return lines + checkLines(reader, block: block, at: step) + storedChecksumLines(block, atOrBefore: step)
    }

    /// Why the scrub at step `step` reports nothing of a damaged block: what it compared, and where
    /// each copy came from.
    func unreportedDamage(at step: Int) -> [String] {
        guard case .scrub(let scrubber, _) = actions[step - 1] else { return [] }
        let block = model.scrubbedBlock(of: scrubber, in: states[step - 1])
        let before = view(after: step - 1)
        let stored = before.stored.block(block)
        let compares: String =
            switch model.policy.scrub {
            case .checksums where stored.checksum == nil:
                "the block has no checksum, and a scrub of policy \(model.policy.name) compares only checksums"
            case .checksums: "every mirror matches the stored checksum, so the scrub finds nothing"
            case .compareCopies: "the copies are equal, so comparing them finds nothing"
            }
        var lines = ["the scrub at \(name(step)) reports nothing of block \(block): \(compares)"]
        for mirror in 0..<stored.mirrorCount {
            let origin = provenance(of: block, mirror: mirror, before: step)
            lines.append("mirror \(mirror) holds \(before.show(stored.data(onMirror: mirror)))" + (origin.isEmpty ? ", the initial state's" : origin))
        }
        return lines + storedChecksumLines(block, atOrBefore: step)
    }

    /// The lines of the check at step `check` of `reader`'s read of `block`: the fetch it checks, what
    /// changed the destination since, and the comparison.
    private func checkLines(_ reader: Int, block: Int, at check: Int) -> [String] {
        guard let fetched = last(atOrBefore: check, where: { if case .fetch(reader, _) = $0 { true } else { false } }),
            case .fetch(_, let mirror) = actions[fetched - 1]
        else { return [] }
        let destination = model.destination(of: reader, in: states[fetched - 1])
        let before = view(after: check - 1)
        let landed = before.block(at: model.layout.start(of: destination))
        var lines = [
            "mirror \(mirror) was fetched at \(name(fetched)) into \(describe(destination)) = \(show(.readerPage(reader), after: fetched))"
                + provenance(of: block, mirror: mirror, before: fetched)
        ]
        let changed = changes(of: destination, after: fetched, before: check)
        if !changed.isEmpty { lines.append("\(describe(destination)) = \(before.show(landed)) at the check" + changed) }
        if let checksum = before.stored.block(block).checksum {
            lines.append("the check at \(name(check)) compares: " + equation(before, data: landed, stored: checksum))
        }
        return lines
    }

    /// ", stored at step 5 (`complete …`), read by the device at step 4 (…) from …": where a stored
    /// copy as it was before step `step` came from; empty where it is the initial state's.
    func provenance(of block: Int, mirror: Int, before step: Int) -> String {
        let start = model.layout.start(of: .stored(block, mirror: mirror))
        guard let changed = (1..<step).last(where: { states[$0][start] != states[$0 - 1][start] }) else { return "" }
        switch actions[changed - 1] {
        case .complete(let owner):
            let range = model.range(of: owner, in: states[changed - 1])!
            let index = block - range.at
            guard let transferred = transferStep(of: owner, mirror: mirror, index: index, atOrBefore: changed) else { return "" }
            // What changed the source since the bio summed it, or since it started where it sums nothing.
            let since = checksumStep(of: owner, index: index, atOrBefore: transferred) ?? startStep(of: owner, before: transferred)
            return ", stored at \(name(changed)), "
                + read(at: transferred, from: source(of: owner, index: index, at: transferred), changedSince: since)
        case .repair(let reader, _):
            let place = model.destination(of: reader, in: states[changed - 1])
            let checked = last(atOrBefore: changed) { $0 == .check(reader: reader, passes: true) } ?? changed
            return ", rewritten at \(name(changed)) from \(describe(place)) = \(show(place, after: changed - 1))"
                + changes(of: place, after: checked, before: changed)
        case .crash:
            return crashProvenance(of: block, mirror: mirror, at: changed)
        default:
            return ", rewritten at \(name(changed))"
        }
    }

    /// Where the stored checksum of `block`, as it is before step `step`, was computed.
    func storedChecksumLines(_ block: Int, atOrBefore step: Int) -> [String] {
        guard let completion = completion(storing: block, atOrBefore: step - 1) else {
            return ["the stored checksum is the initial state's"]
        }
        guard let summed = checksumStep(of: completion.owner, index: completion.index, atOrBefore: completion.step) else { return [] }
        let place = source(of: completion.owner, index: completion.index, at: summed)
        return [
            "the stored checksum was " + computed(at: summed, from: place, changedSince: nil) + ", and stored at \(name(completion.step))"
        ]
    }
}

extension TraceExplanation {
    /// The step that started the bio of `owner` in flight at step `step`: its writer's `dio-write`, or
    /// its folio's `writeback`.
    func startStep(of owner: BioOwner, before step: Int) -> Int? {
        last(atOrBefore: step) { action in
            switch (owner, action) {
            case (.writer(let writer), .writerStep(let taker, _)): writer == taker
            case (.writeback(let block), .writeback(let folio)): block == folio
            default: false
            }
        }
    }

    /// The last step that rewrote stored block `block` on `mirror` after the last `complete` that stored
    /// it: a read's repair, a scrub or a crash; nil where a `complete` (or the initial state) left it last.
    func rewrite(of block: Int, mirror: Int) -> Int? {
        let start = model.layout.start(of: .stored(block, mirror: mirror))
        let words = 0..<model.geometry.blockWords
        guard let changed = (1...max(1, actions.count)).last(where: { step in
            step <= actions.count && words.contains { states[step][start + $0] != states[step - 1][start + $0] }
        }) else { return nil }
        switch actions[changed - 1] {
        case .repair, .scrub, .crash: return changed
        default: return nil
        }
    }
}
