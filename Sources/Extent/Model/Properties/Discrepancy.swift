/// What a built-in invariant found wrong, precisely enough to trace each side of the comparison
/// back to the steps that made it: the property's sentence and the trace's explanation both start here.
enum Discrepancy {
    /// Stored block `block`'s checksum disagrees with its data on `mirror`.
    case checksumMismatch(block: Int, mirror: Int)
    /// Stored block `block` holds on `mirror` other data than on mirror 0.
    case mirrorsDiffer(block: Int, mirror: Int)
    /// A failing `complete`'s verify read block `block` of the source as data whose checksum is not
    /// the one computed before the device read it.
    case verifyFailed(block: Int)
    /// The device rejected block `block` on `mirror`: what it received does not match the guard.
    case guardRejected(block: Int, mirror: Int)
    /// A failing `complete` for which no comparison could be named.
    case writeFailed
    /// A `complete` stored `blocks` without a checksum.
    case unchecksummed(blocks: Range<Int>)

    /// Which built-in invariant looks for a discrepancy, and so how a trace of it is explained.
    enum Search: Sendable {
        case checksums, mirrors, writes, checksummed, deadlock, reads, falseAlarms, scrubs
    }

    /// The first stored block and mirror whose checksum disagrees with the data.
    static func checksumMismatch(in state: StateView) throws(UndecidedComparison) -> Discrepancy? {
        for block in state.stored {
            guard let checksum = block.checksum else { continue }
            for mirror in 0..<block.mirrorCount where try state.mayDiffer(checksum, state.checksum(of: block.data(onMirror: mirror))) {
                return .checksumMismatch(block: block.index, mirror: mirror)
            }
        }
        return nil
    }

    /// The first stored block and mirror that differs from mirror 0.
    static func mirrorsDiffer(in state: StateView) throws(UndecidedComparison) -> Discrepancy? {
        for block in state.stored {
            for mirror in 1..<max(1, block.mirrorCount) where try state.mayDiffer(block.data(onMirror: 0), block.data(onMirror: mirror)) {
                return .mirrorsDiffer(block: block.index, mirror: mirror)
            }
        }
        return nil
    }

    /// Why `step` fails, if it is a failing `complete`: the first comparison of its checks that can fail.
    static func writeFailure(before: StateView, step: StepView) throws(UndecidedComparison) -> Discrepancy? {
        guard step.fails, let owner = step.bio, let bio = before.bio(of: owner) else { return nil }
        for block in bio.fileBlocks {
            guard let checksum = bio.checksum(at: block) else { continue }
            if bio.isVerifiedAtCompletion, try before.mayDiffer(checksum, before.checksum(of: bio.sourceData(at: block))) {
                return .verifyFailed(block: block)
            }
            for mirror in 0..<before.geometry.mirrors where bio.isCheckedByDevice {
                guard let received = bio.received(mirror: mirror, at: block),
                    try before.mayDiffer(checksum, before.checksum(of: received))
                else { continue }
                return .guardRejected(block: block, mirror: mirror)
            }
        }
        return .writeFailed
    }

    /// The blocks `step` stores without a checksum, if it is a successful `complete` of a bio without checksums.
    static func unchecksummed(before: StateView, step: StepView) -> Discrepancy? {
        guard !step.fails, let owner = step.bio, let bio = before.bio(of: owner), !bio.isChecksummed else { return nil }
        return .unchecksummed(blocks: bio.fileBlocks)
    }
}
