extension Policy {
    /// The columns of the policy table, in its order: those of §3, then those of §8, §9 and §10. A model file,
    /// a written model and `extentcheck policies` list a policy's columns in this order.
    ///
    /// A new column is its value type and field in `Policy` (the field starting at the column's
    /// default), one line here, and its meaning in the model's steps.
    public static let columns: [PolicyColumn] = [
        .choice("dio-path", \.directIOPath, "The path an O_DIRECT write takes.", required: true),
        .flag(
            "dio-checksum", \.directIOChecksum, "Whether data written by O_DIRECT (direct or bounce) is checksummed.",
            required: true, appliesTo: { $0.directIOPath != .buffered }),
        .flag(
            "buffered-checksum", \.bufferedChecksum, "Whether data written back from the page cache is checksummed.",
            required: true),
        .flag(
            "stable-pages", \.stablePages, "Whether folios under writeback are held stable (AS_STABLE_WRITES).",
            required: true),
        .choice(
            "verify", \.verify, "after-dma: a direct bio's complete re-reads its source and checks it first (OpenZFS)."),
        .choice(
            "device-check", \.deviceCheck,
            "guard: the device checks what it received against the bio's checksums (T10 PI)."),
        .choice(
            "user-pages", \.userPages, "write-protected: a buffer's writers wait for the direct bio reading it (FreeBSD)."),
        .choice("writeback-source", \.writebackSource, "copy: writeback reads a copy taken when it starts (bcachefs)."),
        .choice("direct-read", \.directRead, "bounce: an O_DIRECT read lands in a kernel page, not the reader's buffer."),
        .choice(
            "read-failure", \.readFailure,
            "reread-stable: a failed check reads once more into a kernel page, not another mirror (OpenZFS)."),
        .choice("read-repair", \.readRepair, "yes: a read that succeeds rewrites the mirrors that failed it (btrfs)."),
        .choice("scrub", \.scrub, "compare-copies: a scrub compares the mirrors, not checksums (md check)."),
        .choice("overwrite", \.overwrite, "in-place: a write lands over the old data, so a crash keeps its transfers (NOCOW, md)."),
        .choice("crash-recovery", \.crashRecovery, "resync: after a crash the first mirror is copied over the others (md)."),
    ]

    /// A policy named `name` with every column at its default (a yes-or-no column at `false`, a
    /// required one at its first value too): where a policy read column by column starts.
    package init(name: String, summary: String) {
        self.init(
            name: name, directIOPath: .direct, directIOChecksum: false, bufferedChecksum: false, stablePages: false,
            summary: summary)
        for column in Self.columns { column.set(column.defaultValue, in: &self) }
    }
}
