extension StatePart {
    /// The state `view` shows, part by part, as a trace's lines: what a trace's changes compare.
    static func lines(of view: StateView) -> [(what: String, value: String)] {
        all(in: view).map { $0.line(in: view) }
    }

    /// The part as a line of a trace, `what` and `value`, e.g. `folio 0` and `0x7b1dcdaf (dirty)`,
    /// with terms as `view` shows them.
    func line(in view: StateView) -> (what: String, value: String) {
        switch self {
        case .writer(let writer):
            (writer.name, Self.status(of: writer, model: view.model))
        case .mutator(let mutator):
            ("\(mutator.name) budget", String(mutator.budgetLeft))
        case .reader(let reader):
            (reader.name, Self.status(of: reader))
        case .readerPage(let reader, let data):
            ("\(reader.name) page", view.show(data))
        case .scrubber(let scrubber):
            (scrubber.name, scrubber.block.map { "next: scrub block \($0), pass \(scrubber.passesDone + 1) of \(scrubber.passes)" } ?? "finished")
        case .crashes(let taken, let allowed):
            ("crashes", "\(taken) of \(allowed)")
        case .bufferBlock(let buffer, let block):
            ("\(buffer.name) block \(block)", view.show(buffer.data(block: block)))
        case .folio(let folio):
            ("folio \(folio.block)", "\(view.show(folio.data)) (\(Self.status(of: folio)))")
        case .bio(let bio):
            (bio.name, "blocks \(bio.fileBlocks.lowerBound)..\(bio.fileBlocks.upperBound - 1) from \(Self.source(of: bio, model: view.model))")
        case .bioCopy(let bio, let block, let data):
            if case .bounceCopy = bio.source {
                ("\(bio.name) bounce block \(block)", view.show(data))
            } else {
                ("\(bio.name) copy of block \(block)", view.show(data))
            }
        case .bioChecksum(let bio, let block, let checksum):
            ("\(bio.name) csum block \(block)", view.show(checksum))
        case .bioReceived(let bio, let mirror, let block, let data):
            ("\(bio.name) dma mirror \(mirror) block \(block)", view.show(data))
        case .storedMirror(let block, let mirror):
            (view.geometry.mirrors == 1 ? "stored block \(block.index)" : "stored block \(block.index) mirror \(mirror)",
                view.show(block.data(onMirror: mirror)))
        case .storedChecksum(let block):
            ("stored block \(block.index) csum", block.checksum.map(view.show) ?? "none")
        }
    }

    /// "next: fsync", "in dio-write … (direct), waiting for its bio", "finished".
    private static func status(of writer: WriterView, model: ExtentModel) -> String {
        guard let step = writer.currentStep.map({ model.describe($0) }) else { return "finished" }
        if writer.isStopped { return "stopped by the crash at \(step)" }
        switch writer.waitingFor {
        case nil: return "next: \(step)"
        case .bio: return "in \(step), waiting for its bio"
        case .writeback: return "in \(step), waiting for writeback"
        }
    }

    /// "next: read block 0", "reading block 0, mirror 1 fetched", "finished".
    private static func status(of reader: ReaderView) -> String {
        guard let block = reader.block else { return "finished" }
        let kind: String =
            switch reader.script[reader.position] {
            case .read: "read"
            case .directRead: "dio-read"
            }
        guard reader.isReading else { return "next: \(kind) block \(block)" }
        let doing = "\(kind) of block \(block)"
        if let mirror = reader.fetchedMirror { return "in \(doing), mirror \(mirror) fetched, check to come" }
        if reader.endsWithError { return "in \(doing), every check failed: EIO to return" }
        let repairs = reader.mirrorsToRepair
        if !repairs.isEmpty {
            return "in \(doing), check passed, mirror \(repairs.map(String.init).joined(separator: ", ")) to repair"
        }
        if reader.isChecked { return "in \(doing), check passed" }
        if reader.rereads { return "in \(doing), reading again into a kernel page" }
        let tried = reader.triedMirrors
        return "in \(doing), fetching" + (tried.isEmpty ? "" : " (tried mirror \(tried.map(String.init).joined(separator: ", ")))")
    }

    /// "dirty", "clean, under writeback".
    private static func status(of folio: FolioView) -> String {
        (folio.isDirty ? "dirty" : "clean") + (folio.isUnderWriteback ? ", under writeback" : "")
    }

    /// Where a bio reads from, e.g. `guest-page (direct)` or `folio 0`.
    private static func source(of bio: BioView, model: ExtentModel) -> String {
        switch bio.source {
        case .buffer(let name), .bounceCopy(of: let name): "\(name) (\(model.directIOPath.rawValue))"
        case .folio(let block): "folio \(block)"
        case .folioCopy(let block): "a copy of folio \(block)"
        }
    }
}
