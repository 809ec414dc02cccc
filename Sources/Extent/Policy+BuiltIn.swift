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
            bufferedChecksum: false, stablePages: true,
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
            bufferedChecksum: false, stablePages: true,
            summary: "NODATASUM with the Nov 2025 fallback for RAID1/DUP data profiles"),
    ]

    /// The built-in policy with this name, if there is one.
    public static func builtIn(named name: String) -> Policy? {
        builtIn.first { $0.name == name }
    }
}
