extension ExtentModel {
    /// The names of a snapshot's parts, in order: the variables of an ITF trace. `StateSnapshot`
    /// says what each holds.
    package static let snapshotParts = [
        "writers", "mutators", "buffers", "folios", "bios", "stored", "readers", "scrubbers", "crashes",
    ]

    /// The parts the releases before readers and scrubbers wrote: a trace of theirs has none of either.
    package static let snapshotPartsBeforeReads = Array(snapshotParts.prefix(6))
    /// The parts the releases before crashes wrote: a trace of theirs has no `crashes`.
    package static let snapshotPartsBeforeCrashes = Array(snapshotParts.prefix(8))

    /// The type of every part of a snapshot as Apalache writes types (ADR-002): what an ITF trace's
    /// `#meta.varTypes` says. A checksum has a `value` only where words are `symbolic`.
    package static func snapshotTypes(symbolic: Bool) -> [String: String] {
        let words = "Seq(Int)"
        let checksum = symbolic ? "{ of: \(words), value: Int }" : "{ of: \(words) }"
        return [
            "writers": "Str -> { position: Int, waiting: Str }",
            "mutators": "Str -> { budget: Int }",
            "buffers": "Str -> \(words)",
            "folios": "Int -> { data: \(words), dirty: Bool, writeback: Bool }",
            "bios": "Str -> { blocks: <<Int, Int>>, copy: Int -> \(words), csum: Int -> \(checksum), "
                + "dma: <<Int, Int>> -> \(words), source: Str }",
            "stored": "Seq({ csum: Seq(\(checksum)), mirrors: Seq(\(words)) })",
            "readers": "Str -> { position: Int, index: Int, phase: Str, mirror: Int, tried: Seq(Int), repair: Seq(Int), "
                + "page: \(words) }",
            "scrubbers": "Str -> { scrubbed: Int }",
            "crashes": "Int",
        ]
    }

    /// A snapshot as an earlier release wrote it, in the current shape: the previous release wrote
    /// `writers`, `mutators`, `buffers` and `bios` as records keyed by name, where they are now maps,
    /// releases before readers wrote no `readers` or `scrubbers`, and releases before crashes no
    /// `crashes`. A current snapshot is returned as it is.
    package static func snapshot(fromPreviousRelease snapshot: [String: TraceValue]) -> [String: TraceValue] {
        var current = snapshot
        for part in ["readers", "scrubbers"] where current[part] == nil { current[part] = .map([:]) }
        if current["crashes"] == nil { current["crashes"] = .integer(0) }
        for part in ["writers", "mutators", "buffers", "bios"] {
            guard case .record(let fields)? = snapshot[part] else { continue }
            current[part] = .map(Dictionary(uniqueKeysWithValues: fields.map { (TraceValue.string($0.key), $0.value) }))
        }
        return current
    }
}
