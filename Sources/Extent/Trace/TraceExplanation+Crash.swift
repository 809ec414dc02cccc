/// What a crash (§10) left on the media, for the explanations of the properties it breaks.
extension TraceExplanation {
    /// ", put on the media by the crash at step 3 (`crash …`), read by the device at step 2 (…) from …":
    /// where the copy of `block` on `mirror` that the crash at step `crash` left came from: a transfer
    /// of a bio in flight, kept by `overwrite: in-place`, or mirror 0's copy, by `crash-recovery: resync`.
    func crashProvenance(of block: Int, mirror: Int, at crash: Int) -> String {
        let before = states[crash - 1]
        for owner in model.bioOwners {
            guard let range = model.range(of: owner, in: before), range.fileBlocks.contains(block),
                model.transfersMade(by: owner, range: range, in: before).contains(where: { $0 == (block, mirror) }),
                let transferred = transferStep(of: owner, mirror: mirror, index: block - range.at, atOrBefore: crash)
            else { continue }
            let overwritten = mirror > 0 && model.policy.crashRecovery == .resync
            guard !overwritten else { break }
            return ", put on the media by the crash at \(name(crash)), "
                + read(at: transferred, from: source(of: owner, index: block - range.at, at: transferred), changedSince: nil)
        }
        return ", copied from mirror 0 by the resync after the crash at \(name(crash))"
    }

    /// Why the copies of `block` on mirror 0 and `mirror` differ when a crash, a read's repair or a
    /// scrub wrote one of them last: where each copy came from, and the crash that tore them.
    func mirrorsRewritten(block: Int, mirror: Int) -> [String] {
        let final = view(after: actions.count)
        var lines: [String] = []
        for copy in [0, mirror] {
            let data = final.show(final.stored.block(block).data(onMirror: copy))
            let origin = provenance(of: block, mirror: copy, before: actions.count + 1)
            lines.append("mirror \(copy)'s copy \(data) " + (origin.isEmpty ? "is the initial state's" : "was" + origin.dropFirst()))
        }
        let crashes = [0, mirror].compactMap { rewrite(of: block, mirror: $0) }.filter { actions[$0 - 1] == .crash }
        if !crashes.isEmpty {
            lines.append(
                "power was lost between the copies' transfers: under overwrite: \(model.policy.overwrite.rawValue)"
                    + " a transfer made stays on the media, and crash-recovery: \(model.policy.crashRecovery.rawValue)"
                    + " copies neither over the other")
        }
        return lines
    }
}
