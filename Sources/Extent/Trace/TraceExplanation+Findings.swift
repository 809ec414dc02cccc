extension TraceExplanation {
    /// Why stored block `block` disagrees with its checksum on `mirror`: where the checksum and the
    /// data were each taken from, and what changed in between.
    func checksumMismatch(block: Int, mirror: Int) -> [String] {
        let final = view(after: actions.count)
        let stored = final.stored.block(block)
        let which = model.geometry.mirrors == 1 ? "" : " on mirror \(mirror)"
        var lines = ["stored block \(block)'s checksum does not match its data\(which)"]
        let checksum = stored.checksum!
        let data = stored.data(onMirror: mirror)
        if let rewrite = rewrite(of: block, mirror: mirror) {
            // A read's repair or a scrub stored the data after the checksum was stored.
            lines.append("its data \(final.show(data)) was" + provenance(of: block, mirror: mirror, before: rewrite + 1).dropFirst())
            return lines + storedChecksumLines(block, atOrBefore: rewrite) + [equation(final, data: data, stored: checksum)]
        }
        guard let completion = completion(storing: block, atOrBefore: actions.count) else {
            lines.append("both are as the initial state had them")
            return lines + [equation(final, data: data, stored: checksum)]
        }
        let summed = checksumStep(of: completion.owner, index: completion.index, atOrBefore: completion.step)
        let transferred = transferStep(of: completion.owner, mirror: mirror, index: completion.index, atOrBefore: completion.step)
        if let summed, let transferred {
            let place = source(of: completion.owner, index: completion.index, at: summed)
            let (first, second) = (min(summed, transferred), max(summed, transferred))
            lines.append(
                "its checksum \(final.decider.renderer.sum(checksum.data.terms)) was "
                    + computed(at: summed, from: place, changedSince: summed == second ? first : nil))
            lines.append(
                "its data \(final.show(data)) was "
                    + read(at: transferred, from: source(of: completion.owner, index: completion.index, at: transferred),
                        changedSince: transferred == second ? first : nil))
        }
        lines.append("both were stored at \(name(completion.step))")
        return lines + [equation(final, data: data, stored: checksum)]
    }

    /// Why stored block `block` holds other data on `mirror` than on mirror 0: where each copy was read from.
    func mirrorsDiffer(block: Int, mirror: Int) -> [String] {
        let final = view(after: actions.count)
        var lines = ["stored block \(block)'s mirrors differ: mirror 0 and mirror \(mirror)"]
        if [0, mirror].contains(where: { rewrite(of: block, mirror: $0) != nil }) {
            return lines + mirrorsRewritten(block: block, mirror: mirror) + [
                "\(final.show(final.stored.block(block).data(onMirror: 0))) ≠ \(final.show(final.stored.block(block).data(onMirror: mirror)))"
            ]
        }
        guard let completion = completion(storing: block, atOrBefore: actions.count) else { return lines }
        let steps = [0, mirror].map {
            transferStep(of: completion.owner, mirror: $0, index: completion.index, atOrBefore: completion.step)
        }
        if let zero = steps[0], let other = steps[1] {
            for (copy, step) in [(0, zero), (mirror, other)] {
                let place = source(of: completion.owner, index: completion.index, at: step)
                lines.append(
                    "mirror \(copy)'s copy \(final.show(final.stored.block(block).data(onMirror: copy))) was "
                        + read(at: step, from: place, changedSince: step == max(zero, other) ? min(zero, other) : nil))
            }
        }
        lines.append("both were stored at \(name(completion.step))")
        lines.append("\(final.show(final.stored.block(block).data(onMirror: 0))) ≠ \(final.show(final.stored.block(block).data(onMirror: mirror)))")
        return lines
    }

    /// Why the `complete` at step `step` failed: the block its verify or the device's guard found changed.
    func writeFailure(_ failure: Discrepancy, at step: Int) -> [String] {
        guard case .failedCompletion(let owner) = actions[step - 1], let range = model.range(of: owner, in: states[step - 1])
        else { return [] }
        let before = view(after: step - 1)
        let bio = before.bio(of: owner)!
        switch failure {
        case .verifyFailed(let block):
            let index = block - range.at
            let checksum = bio.checksum(at: block)!
            let source = bio.sourceData(at: block)
            var lines = ["the verify at \(name(step)) finds block \(block) of the source changed since its checksum"]
            if let summed = checksumStep(of: owner, index: index, atOrBefore: step) {
                let place = self.source(of: owner, index: index, at: summed)
                lines.append(
                    "its checksum \(before.decider.renderer.sum(checksum.data.terms)) was "
                        + computed(at: summed, from: place, changedSince: nil))
                lines.append(
                    "the verify reads \(describe(place)) = \(before.show(source))" + changes(of: place, after: summed, before: step))
            }
            return lines + [equation(before, data: source, stored: checksum)]
        case .guardRejected(let block, let mirror):
            let index = block - range.at
            let checksum = bio.checksum(at: block)!
            let received = bio.received(mirror: mirror, at: block)!
            var lines = ["the device at \(name(step)) rejects block \(block) on mirror \(mirror): it does not match its guard"]
            if let summed = checksumStep(of: owner, index: index, atOrBefore: step),
                let transferred = transferStep(of: owner, mirror: mirror, index: index, atOrBefore: step)
            {
                let (first, second) = (min(summed, transferred), max(summed, transferred))
                lines.append(
                    "the guard \(before.decider.renderer.sum(checksum.data.terms)) was "
                        + computed(at: summed, from: source(of: owner, index: index, at: summed),
                            changedSince: summed == second ? first : nil))
                lines.append(
                    "the data \(before.show(received)) was "
                        + read(at: transferred, from: source(of: owner, index: index, at: transferred),
                            changedSince: transferred == second ? first : nil))
            }
            return lines + [equation(before, data: received, stored: checksum)]
        default:
            return []
        }
    }

    /// That the `complete` at step `step` stored `blocks` without a checksum, and the policy that lets it.
    func unchecksummed(_ blocks: Range<Int>, at step: Int) -> [String] {
        guard case .complete(let owner) = actions[step - 1] else { return [] }
        let kind = if case .writer = owner { "direct writes" } else { "writeback" }
        let which = blocks.count == 1 ? "block \(blocks.lowerBound)" : "blocks \(blocks.lowerBound)..\(blocks.upperBound - 1)"
        return ["\(name(step)) stores \(which) with no checksum: policy \(model.policy.name) computes none for \(kind)"]
    }

    /// What each unfinished writer waits for where no step is enabled.
    func deadlock() -> [String] {
        let final = view(after: actions.count)
        var lines = ["no step is enabled"]
        for writer in final.writers where writer.currentStep != nil {
            let step = model.describe(writer.currentStep!)
            switch writer.waitingFor {
            case nil: lines.append("\(writer.name) cannot start `\(step)`")
            case .bio: lines.append("\(writer.name) waits in `\(step)` for its bio")
            case .writeback: lines.append("\(writer.name) waits in `\(step)` for writeback of the page cache")
            }
        }
        return lines
    }
}
