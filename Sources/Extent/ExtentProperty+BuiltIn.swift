extension ExtentProperty {
    /// Every stored checksum matches its block's data on every mirror.
    public static let csumMatchesData = ExtentProperty.always(
        "csum-matches-data",
        meaning: "a stored checksum disagrees with its stored data: reads of the block fail with EIO"
    ) { state in
        for block in state.stored {
            guard let checksum = block.checksum else { continue }
            for mirror in 0..<block.mirrorCount {
                let data = state.checksum(of: block.mirror(mirror))
                guard try state.mayDiffer(checksum, data) else { continue }
                let which = state.geometry.mirrors == 1 ? "" : " mirror \(mirror)"
                return "stored block \(block.index)\(which): the stored checksum \(state.show(checksum)) "
                    + "disagrees with the stored data, whose checksum is \(state.show(data)): "
                    + "every read of the block fails with EIO"
            }
        }
        return nil
    }

    /// With two mirrors, both copies of every stored block agree.
    public static let mirrorsAgree = ExtentProperty.always(
        "mirrors-agree",
        meaning: "the mirrors of a stored block differ: reads return different data per mirror"
    ) { state in
        for block in state.stored {
            for mirror in 1..<max(1, block.mirrorCount) where try state.mayDiffer(block.mirror(0), block.mirror(mirror)) {
                return "stored block \(block.index): mirror 0 holds \(state.show(block.mirror(0))) "
                    + "but mirror \(mirror) holds \(state.show(block.mirror(mirror))): "
                    + "a read returns different data depending on the mirror"
            }
        }
        return nil
    }

    /// Every block a write stores has a checksum. Judged at `complete`, by the step (§7.4): no
    /// "written" flag is kept in the state.
    public static let checksummed = ExtentProperty.onEveryTransition(
        "checksummed",
        meaning: "a write stored a block without a checksum: damage to it would go undetected",
        at: [.complete]
    ) { before, step in
        // A failing complete stores nothing, so it stores nothing unchecked.
        guard !step.fails, let owner = step.bio, let bio = before.bio(of: owner), !bio.isChecksummed
        else { return nil }
        let blocks = bio.fileBlocks
        let which = blocks.count == 1 ? "block \(blocks.lowerBound)" : "blocks \(blocks.lowerBound)..\(blocks.upperBound - 1)"
        return "\(step) stored \(which) without a checksum: damage to the data would go undetected"
    }

    /// No write returns an I/O error: no `complete` fails its verify or the device's check (§8). Judged
    /// on the transition, like `checksummed`.
    public static let writesSucceed = ExtentProperty.onEveryTransition(
        "writes-succeed",
        meaning: "a write returned an I/O error: its verify or the device's check failed",
        at: [.complete]
    ) { before, step in
        guard step.fails, let owner = step.bio, let bio = before.bio(of: owner) else { return nil }
        for block in bio.fileBlocks {
            guard let checksum = bio.checksum(block: block) else { continue }
            let source = bio.sourceData(block: block)
            if bio.isVerifiedAtCompletion, try before.mayDiffer(checksum, before.checksum(of: source)) {
                return "\(step): the verify reads block \(block) of the source as \(before.show(source)), whose checksum "
                    + "\(before.show(before.checksum(of: source))) is not the \(before.show(checksum)) computed before the "
                    + "device read it: the write returns EIO"
            }
            for mirror in 0..<before.geometry.mirrors where bio.isCheckedByDevice {
                guard let received = bio.received(mirror: mirror, block: block),
                    try before.mayDiffer(checksum, before.checksum(of: received))
                else { continue }
                return "\(step): the device rejects block \(block) on mirror \(mirror): it received \(before.show(received)), "
                    + "whose checksum \(before.show(before.checksum(of: received))) does not match the guard "
                    + "\(before.show(checksum)): the write returns EIO"
            }
        }
        return "\(step): the write returns EIO"
    }

    /// No state has every step disabled while a writer has not finished.
    public static let noDeadlock = ExtentProperty(
        name: "no-deadlock", meaning: "no step can run, yet a writer has not finished its script",
        kind: .noDeadlock, judge: .noDeadlock)

    /// The contract's invariants (§4, then §8's), in its order.
    public static let builtIn: [ExtentProperty] = [csumMatchesData, mirrorsAgree, checksummed, noDeadlock, writesSucceed]

    /// The built-in property with this name, if there is one.
    public static func builtIn(named name: String) -> ExtentProperty? {
        builtIn.first { $0.name == name }
    }
}
