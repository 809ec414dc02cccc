/// A state for tools: every part of `ExtentModel.snapshotParts` as a value, words as a trace
/// rendering gives them, gathered from the state's parts in the order `StatePart.all(in:)` walks them.
///
/// - `writers`: a map from name to `position` (the script step it is at; the script's length once
///   finished) and `waiting` (`none`, `bio`, `writeback`, or `stopped` by a crash);
/// - `mutators`: a map from name to `budget`;
/// - `readers`: a map from name to `position` (the read it is at; the script's length once finished),
///   `index` (the block within that read), `phase` (`next`, `fetching`, `fetched`, `checked` or
///   `eio`), `mirror` (the mirror fetched last, while its check is to come; else 0), `tried` and
///   `repair` (lists of mirrors) and `page` (the words of its kernel page; empty when it holds none);
/// - `scrubbers`: a map from name to `scrubbed` (the blocks scrubbed so far, over every pass);
/// - `crashes`: the crashes the state has been through;
/// - `buffers`: a map from name to the list of the buffer's words;
/// - `folios`: a map from each cached file block to `data`, `dirty` and `writeback`;
/// - `bios`: a map from name to `blocks` (first and last file block), `source`, and maps from file
///   block to `csum` and `copy`, and from (mirror, file block) to `dma`;
/// - `stored`: per file block, `mirrors` (the data of each) and `csum`, a list of none or one checksum.
///
/// A checksum is `of` (the words it sums) and, where the values are known, `value`. Every record
/// has the same fields in every state: `ExtentModel.snapshotTypes(symbolic:)` gives them.
struct StateSnapshot {
    /// A bio's fields, filled in as its blocks' parts come.
    private struct Bio {
        var blocks: Range<Int>
        var source: String
        var sums: [TraceValue: TraceValue] = [:]
        var copies: [TraceValue: TraceValue] = [:]
        var received: [TraceValue: TraceValue] = [:]

        /// The bio's record.
        var value: TraceValue {
            .record([
                "blocks": .tuple([.integer(UInt64(blocks.lowerBound)), .integer(UInt64(blocks.upperBound - 1))]),
                "source": .string(source), "csum": .map(sums), "copy": .map(copies), "dma": .map(received),
            ])
        }
    }

    private let rendering: TraceRendering
    private var writers: [TraceValue: TraceValue] = [:]
    private var mutators: [TraceValue: TraceValue] = [:]
    private var readers: [TraceValue: [String: TraceValue]] = [:]
    private var scrubbers: [TraceValue: TraceValue] = [:]
    private var crashes = 0
    private var buffers: [TraceValue: [TraceValue]] = [:]
    private var folios: [TraceValue: TraceValue] = [:]
    private var bios: [TraceValue: Bio] = [:]
    private var stored: [(mirrors: [TraceValue], csum: [TraceValue])] = []

    /// The snapshot of the state `view` shows, words as `rendering` gives them.
    static func of(_ view: StateView, _ rendering: TraceRendering) -> [String: TraceValue] {
        var snapshot = StateSnapshot(rendering: rendering)
        for part in StatePart.all(in: view) { snapshot.add(part) }
        return snapshot.value
    }

    private init(rendering: TraceRendering) { self.rendering = rendering }

    /// Adds `part`, which comes after every part before it in `StatePart.all(in:)`.
    private mutating func add(_ part: StatePart) {
        switch part {
        case .writer(let writer):
            writers[.string(writer.name)] = .record([
                "position": .integer(UInt64(writer.position)), "waiting": .string(Self.waiting(writer)),
            ])
        case .mutator(let mutator):
            mutators[.string(mutator.name)] = .record(["budget": .integer(UInt64(mutator.budgetLeft))])
        case .reader(let reader):
            readers[.string(reader.name)] = Self.record(of: reader)
        case .readerPage(let reader, let data):
            readers[.string(reader.name)]!["page"] = words(data)
        case .scrubber(let scrubber):
            scrubbers[.string(scrubber.name)] = .record(["scrubbed": .integer(UInt64(scrubber.scrubbed))])
        case .crashes(let taken, _):
            crashes = taken
        case .bufferBlock(let buffer, let block):
            buffers[.string(buffer.name), default: []] += buffer.data(block: block).terms.map(rendering.value)
        case .folio(let folio):
            folios[.integer(UInt64(folio.block))] = .record([
                "data": words(folio.data), "dirty": .bool(folio.isDirty), "writeback": .bool(folio.isUnderWriteback),
            ])
        case .bio(let bio):
            bios[.string(bio.name)] = Bio(blocks: bio.fileBlocks, source: Self.source(of: bio))
        case .bioCopy(let bio, let block, let data):
            bios[.string(bio.name)]!.copies[.integer(UInt64(block))] = words(data)
        case .bioChecksum(let bio, let block, let sum):
            bios[.string(bio.name)]!.sums[.integer(UInt64(block))] = checksum(sum)
        case .bioReceived(let bio, let mirror, let block, let data):
            bios[.string(bio.name)]!.received[.tuple([.integer(UInt64(mirror)), .integer(UInt64(block))])] = words(data)
        case .storedMirror(let block, let mirror):
            if mirror == 0 { stored.append(([], [])) }
            stored[stored.count - 1].mirrors.append(words(block.data(onMirror: mirror)))
        case .storedChecksum(let block):
            stored[stored.count - 1].csum = block.checksum.map { [checksum($0)] } ?? []
        }
    }

    /// The snapshot gathered so far.
    private var value: [String: TraceValue] {
        [
            "writers": .map(writers), "mutators": .map(mutators), "buffers": .map(buffers.mapValues(TraceValue.list)),
            "folios": .map(folios), "bios": .map(bios.mapValues(\.value)),
            "stored": .list(stored.map { .record(["mirrors": .list($0.mirrors), "csum": .list($0.csum)]) }),
            "readers": .map(readers.mapValues(TraceValue.record)), "scrubbers": .map(scrubbers),
            "crashes": .integer(UInt64(crashes)),
        ]
    }

    /// A reader's fields but its page, which its own part fills in.
    private static func record(of reader: ReaderView) -> [String: TraceValue] {
        let phase: String =
            if !reader.isReading { "next" } else if reader.fetchedMirror != nil { "fetched" } else if reader.isChecked {
                "checked"
            } else if reader.endsWithError { "eio" } else { "fetching" }
        func mirrors(_ list: [Int]) -> TraceValue { .list(list.map { .integer(UInt64($0)) }) }
        return [
            "position": .integer(UInt64(reader.position)), "index": .integer(UInt64(reader.blockIndex)),
            "phase": .string(phase), "mirror": .integer(UInt64(reader.fetchedMirror ?? 0)), "tried": mirrors(reader.triedMirrors),
            "repair": mirrors(reader.mirrorsToRepair), "page": .list([]),
        ]
    }

    /// A block's words as a list of values.
    private func words(_ data: BlockData) -> TraceValue { .list(data.terms.map(rendering.value)) }

    /// A checksum as `of` and, where its value is known, `value`.
    private func checksum(_ checksum: Checksum) -> TraceValue {
        var fields: [String: TraceValue] = ["of": words(checksum.data)]
        if let sum = rendering.sumValue(checksum.data.terms) { fields["value"] = sum }
        return .record(fields)
    }

    /// What a writer waits for: `none`, `bio` or `writeback`; `stopped` once a crash has stopped it.
    private static func waiting(_ writer: WriterView) -> String {
        if writer.isStopped { return "stopped" }
        return switch writer.waitingFor {
        case nil: "none"
        case .bio: "bio"
        case .writeback: "writeback"
        }
    }

    /// Where a bio reads from, e.g. `guest-page`, `a copy of guest-page` or `folio 0`.
    private static func source(of bio: BioView) -> String {
        switch bio.source {
        case .buffer(let name): name
        case .bounceCopy(of: let name): "a copy of \(name)"
        case .folio(let block): "folio \(block)"
        case .folioCopy(let block): "a copy of folio \(block)"
        }
    }
}
