extension ExtentModel {
    /// The names of a snapshot's parts, in order: the variables of an ITF trace.
    public static let snapshotParts = ["writers", "mutators", "buffers", "folios", "bios", "stored"]

    /// A state for tools: every part of `snapshotParts`, words as `render` gives them.
    ///
    /// - `writers`: a map from name to `position` (the script step it is at; the script's length once
    ///   finished) and `waiting` (`none`, `bio` or `writeback`);
    /// - `mutators`: a map from name to `budget`;
    /// - `buffers`: a map from name to the list of the buffer's words;
    /// - `folios`: a map from each cached file block to `data`, `dirty` and `writeback`;
    /// - `bios`: a map from name to `blocks` (first and last file block), `source`, and maps from file
    ///   block to `csum` and `copy`, and from (mirror, file block) to `dma`;
    /// - `stored`: per file block, `mirrors` (the data of each) and `csum`, a list of none or one checksum.
    ///
    /// A checksum is `of` (the words it sums) and, where the values are known, `value`. Every record
    /// has the same fields in every state: `snapshotTypes(symbolic:)` gives them.
    func snapshot(of state: ExtentState, _ render: Renderer) -> [String: TraceValue] {
        let view = StateView(state, decider: TermDecider(model: self, renderer: render))
        func words(_ data: BlockData) -> TraceValue { .list(data.terms.map(render.value)) }
        func checksum(_ checksum: Checksum) -> TraceValue {
            var fields: [String: TraceValue] = ["of": words(checksum.data)]
            if let sum = render.sumValue(checksum.data.terms) { fields["value"] = sum }
            return .record(fields)
        }
        var writers: [TraceValue: TraceValue] = [:]
        for writer in view.writers {
            let waiting: String =
                switch writer.waitingFor {
                case nil: "none"
                case .bio: "bio"
                case .writeback: "writeback"
                }
            writers[.string(writer.name)] = .record(["position": .integer(UInt64(writer.position)), "waiting": .string(waiting)])
        }
        var mutators: [TraceValue: TraceValue] = [:]
        for mutator in view.mutators {
            mutators[.string(mutator.name)] = .record(["budget": .integer(UInt64(mutator.budgetLeft))])
        }
        var buffers: [TraceValue: TraceValue] = [:]
        for buffer in view.buffers {
            buffers[.string(buffer.name)] = .list((0..<buffer.blocks).flatMap { buffer.data(block: $0).terms.map(render.value) })
        }
        var folios: [TraceValue: TraceValue] = [:]
        for folio in view.folios {
            folios[.integer(UInt64(folio.block))] = .record([
                "data": words(folio.data), "dirty": .bool(folio.isDirty), "writeback": .bool(folio.isUnderWriteback),
            ])
        }
        var bios: [TraceValue: TraceValue] = [:]
        for bio in view.bios {
            let blocks = bio.fileBlocks
            let source: String =
                switch bio.source {
                case .buffer(let name): name
                case .bounceCopy(of: let name): "a copy of \(name)"
                case .folio(let block): "folio \(block)"
                case .folioCopy(let block): "a copy of folio \(block)"
                }
            var sums: [TraceValue: TraceValue] = [:]
            var copies: [TraceValue: TraceValue] = [:]
            var received: [TraceValue: TraceValue] = [:]
            for block in blocks {
                let key = TraceValue.integer(UInt64(block))
                if let sum = bio.checksum(at: block) { sums[key] = checksum(sum) }
                switch bio.source {
                case .bounceCopy, .folioCopy: copies[key] = words(bio.sourceData(at: block))
                case .buffer, .folio: break
                }
                for mirror in 0..<geometry.mirrors {
                    if let data = bio.received(mirror: mirror, at: block) {
                        received[.tuple([.integer(UInt64(mirror)), key])] = words(data)
                    }
                }
            }
            bios[.string(bio.name)] = .record([
                "blocks": .tuple([.integer(UInt64(blocks.lowerBound)), .integer(UInt64(blocks.upperBound - 1))]),
                "source": .string(source), "csum": .map(sums), "copy": .map(copies), "dma": .map(received),
            ])
        }
        let stored = view.stored.map { block in
            TraceValue.record([
                "mirrors": .list(block.mirrors.map(words)),
                "csum": .list(block.checksum.map { [checksum($0)] } ?? []),
            ])
        }
        return [
            "writers": .map(writers), "mutators": .map(mutators), "buffers": .map(buffers),
            "folios": .map(folios), "bios": .map(bios), "stored": .list(stored),
        ]
    }

    /// The type of every part of a snapshot as Apalache writes types (ADR-002): what an ITF trace's
    /// `#meta.varTypes` says. A checksum has a `value` only where words are `symbolic`.
    public static func snapshotTypes(symbolic: Bool) -> [String: String] {
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
        ]
    }

    /// A snapshot as the previous release wrote it, in the current shape: that release wrote `writers`,
    /// `mutators`, `buffers` and `bios` as records keyed by name, where they are now maps. A current
    /// snapshot is returned as it is.
    public static func snapshot(fromPreviousRelease snapshot: [String: TraceValue]) -> [String: TraceValue] {
        var current = snapshot
        for part in ["writers", "mutators", "buffers", "bios"] {
            guard case .record(let fields)? = snapshot[part] else { continue }
            current[part] = .map(Dictionary(uniqueKeysWithValues: fields.map { (TraceValue.string($0.key), $0.value) }))
        }
        return current
    }
}
