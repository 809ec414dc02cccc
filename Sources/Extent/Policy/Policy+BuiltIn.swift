extension Policy {
    /// The policies of the contract's table, in its order.
    public static let builtIn: [Policy] = [
        Policy(
            name: "dio-csum", directIOPath: .direct, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true,
            summary: "btrfs before 968f19c5b1b7"),
        Policy(
            name: "buffered-fallback", directIOPath: .buffered, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true,
            summary: "btrfs after the fix"),
        Policy(
            name: "nodatasum", directIOPath: .direct, directIOChecksum: false,
            bufferedChecksum: false, stablePages: true, overwrite: .inPlace,
            summary: "inode with NODATASUM (chattr +C, NOCOW): the fix's escape hatch"),
        Policy(
            name: "dio-skip-csum", directIOPath: .direct, directIOChecksum: false,
            bufferedChecksum: true, stablePages: true,
            summary: "rejected fix option 1: O_DIRECT skips the checksum"),
        Policy(
            name: "nodatasum-mount", directIOPath: .direct, directIOChecksum: false,
            bufferedChecksum: false, stablePages: true,
            summary: "rejected fix option 2: trust the hardware"),
        Policy(
            name: "dio-bounce", directIOPath: .bounce, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true,
            summary: "a kernel copy at submission: a design no btrfs release uses"),
        Policy(
            name: "unstable-pages", directIOPath: .buffered, directIOChecksum: true,
            bufferedChecksum: true, stablePages: false,
            summary: "a page cache that lets folios change under writeback"),
        Policy(
            name: "dup-fallback", directIOPath: .bufferedIfMirrored, directIOChecksum: false,
            bufferedChecksum: false, stablePages: true, overwrite: .inPlace,
            summary: "NODATASUM with the Nov 2025 fallback for RAID1/DUP data profiles"),
        // §8: designs of other systems.
        Policy(
            name: "dio-verify", directIOPath: .direct, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true, verify: .afterDMA, readFailure: .rereadStable, readRepair: .no,
            summary: "OpenZFS 2.3+ Direct I/O on Linux (zfs_vdev_direct_write_verify=1, the Linux default)"),
        Policy(
            name: "dio-pinned", directIOPath: .direct, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true, userPages: .writeProtected, readFailure: .rereadStable,
            readRepair: .no,
            summary: "OpenZFS Direct I/O on FreeBSD: user pages write-protected for the I/O"),
        Policy(
            name: "pi-guard", directIOPath: .direct, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true, deviceCheck: .guard,
            summary: "a T10 PI device under a file system that hands O_DIRECT pages to the block layer (ext4; XFS before 7.0)"),
        Policy(
            name: "pi-guard-bounce", directIOPath: .bounce, directIOChecksum: true,
            bufferedChecksum: true, stablePages: true, deviceCheck: .guard,
            summary: "XFS 7.0 IOMAP_DIO_BOUNCE on a device that requires stable writes"),
        Policy(
            name: "pi-guard-unstable", directIOPath: .buffered, directIOChecksum: true,
            bufferedChecksum: true, stablePages: false, deviceCheck: .guard,
            summary: "a PI device whose stable-writes requirement is lost (the DRBD and dm-integrity bugs)"),
        Policy(
            name: "bounce-all", directIOPath: .bounce, directIOChecksum: true,
            bufferedChecksum: true, stablePages: false, writebackSource: .copy,
            summary: "bcachefs: checksummed writes are bounced, direct and buffered"),
        Policy(
            name: "nodatasum-unstable", directIOPath: .bufferedIfMirrored, directIOChecksum: false,
            bufferedChecksum: false, stablePages: false, overwrite: .inPlace,
            summary: "btrfs 7.0-7.2 NODATASUM inode: the duplication fallback (7c2830f00c3e) without stable folios (ecde48a1a6b3)"),
        // §9: after the write.
        Policy(
            name: "md-raid1", directIOPath: .direct, directIOChecksum: false,
            bufferedChecksum: false, stablePages: true, scrub: .compareCopies, overwrite: .inPlace, crashRecovery: .resync,
            summary: "md RAID1/RAID10 under a file system without data checksums"),
    ]

    /// The built-in policy with this name, if there is one.
    public static func builtIn(named name: String) -> Policy? {
        builtIn.first { $0.name == name }
    }
}
