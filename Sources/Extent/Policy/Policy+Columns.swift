extension Policy {
    /// The columns of the policy table, in its order: those of §3, then those of §8. A model file,
    /// a written model and `extentcheck policies` list a policy's columns in this order.
    ///
    /// A new column is its value type and field in `Policy` (the field starting at the column's
    /// default), one line here, and its meaning in the model's steps.
    public static let columns: [PolicyColumn] = [
        .choice("dio-path", \.directIOPath, required: true),
        .flag("dio-checksum", \.directIOChecksum, required: true, appliesTo: { $0.directIOPath != .buffered }),
        .flag("buffered-checksum", \.bufferedChecksum, required: true),
        .flag("stable-pages", \.stablePages, required: true),
        .choice("verify", \.verify),
        .choice("device-check", \.deviceCheck),
        .choice("user-pages", \.userPages),
        .choice("writeback-source", \.writebackSource),
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
