import Extent

/// Scenarios of the contract's §6, built in Swift so the domain is tested without model files.
enum Scenarios {
    /// QEMU cache=none: a writer `dio-write`s a guest page that a mutator keeps changing.
    static func qemuCacheNone(
        blocks: Int = 1, mirrors: Int = 1, budget: Int = 1, data: DataMode = .symbolic,
        checksum: ChecksumKind = .crc32c
    ) -> Scenario {
        Scenario(
            name: "qemu-cache-none",
            geometry: Geometry(blocks: blocks, mirrors: mirrors),
            checksum: checksum,
            data: data,
            buffers: [Buffer(name: "guest-page", blocks: blocks)],
            actors: [
                Scenario.Actor(name: "qemu", role: .writer([.directWrite(IORange(buffer: 0, at: 0, blocks: blocks)), .fsync])),
                Scenario.Actor(name: "guest-fs", role: .mutator(target: .buffer(0), budget: budget)),
            ])
    }

    /// Buffered writes, then an mmap writer changing the folio.
    static func mmapDuringWriteback(mirrors: Int = 1, data: DataMode = .symbolic) -> Scenario {
        Scenario(
            name: "mmap-during-writeback",
            geometry: Geometry(blocks: 1, mirrors: mirrors),
            data: data,
            buffers: [Buffer(name: "buf", blocks: 1)],
            actors: [
                Scenario.Actor(name: "app", role: .writer([.bufferedWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync])),
                Scenario.Actor(name: "mmap", role: .mutator(target: .pageCache, budget: 1)),
            ])
    }

    /// §9's scenarios after the write: the QEMU writer and its mutator of budget 1, and a reader of
    /// `reader`'s script and a scrubber of one pass where asked.
    static func afterTheWrite(mirrors: Int, data: DataMode, reader: [ReaderStep]? = nil, scrubs: Bool = false) -> Scenario {
        var scenario = qemuCacheNone(mirrors: mirrors, data: data)
        scenario.name = "after-the-write"
        if let reader { scenario.actors.append(.reader("backup", reader)) }
        if scrubs { scenario.actors.append(.scrubber("admin", passes: 1)) }
        scenario.invariants = ExtentProperty.builtIn(for: scenario.actors)
        return scenario
    }

    /// §9's direct read: no writer; a reader `dio-read`s block 0 into its buffer while a mutator of
    /// that buffer changes it.
    static func directRead(mirrors: Int, budget: Int, data: DataMode) -> Scenario {
        Scenario(
            name: "direct-read",
            geometry: Geometry(blocks: 1, mirrors: mirrors),
            data: data,
            buffers: [Buffer(name: "read-buffer", blocks: 1)],
            actors: [
                .reader("backup", [.directRead(IORange(buffer: 0, at: 0, blocks: 1))]),
                .mutator("app", target: .buffer(0), budget: budget),
            ])
    }
}

extension Scenarios {
    /// §10's crash: one writer `dio-write`s block 0 and `fsync`s, no mutator, two mirrors, power may
    /// be lost once; a scrubber of one pass where asked.
    static func crashDuringTheWrite(data: DataMode, scrubs: Bool = false) -> Scenario {
        var actors: [Scenario.Actor] = [
            .init(name: "app", role: .writer([.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync]))
        ]
        if scrubs { actors.append(.scrubber("admin", passes: 1)) }
        return Scenario(
            name: "crash-during-the-write", geometry: Geometry(blocks: 1, mirrors: 2), data: data,
            buffers: [Buffer(name: "app-buffer", blocks: 1)], actors: actors, crashes: 1)
    }
}
