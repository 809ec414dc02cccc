import Extent

/// The readers' and scrubbers' steps of §9 in Promela, written from the contract: a read's `read`,
/// `fetch`, `check`, `repair` and `end`, and a scrubber's `scrub`, each an option of the loop, run
/// only while no bio is in flight.
///
/// A reader's state is its place (the read and the block within it), its device read's phase
/// (0 ready, 1 fetching, 2 fetched, 3 checked, 4 EIO), whether the fetch is `reread-stable`'s second
/// one, the mirror fetched last, the mirrors tried and those failed, and its kernel page; a
/// scrubber's, the blocks it has scrubbed. They keep what `ExtentModel` keeps, no more, so that the
/// two count alike.
extension PromelaWriter {
    mutating func declareReaders() {
        guard !readers.isEmpty || !scrubbers.isEmpty else { return }
        if !readers.isEmpty {
            let count = readers.count
            line("/* each reader: its read and block, its device read's phase, reread, mirror, tried and failed mirrors */")
            line("byte rstep[\(count)]; byte rindex[\(count)]; byte rphase[\(count)]; byte rreread[\(count)];")
            line("byte rmirror[\(count)]; byte rtried[\(count)]; byte rfailed[\(count)]; byte rpage[\(count * words)] = NONE;")
        }
        if !scrubbers.isEmpty { line("byte scrubbed[\(scrubbers.count)];") }
    }

    /// Whether no block of `blocks` is held by a reader's device read: the guard of a write or writeback.
    func notBeingRead(_ blocks: Range<Int>) -> [String] {
        blocks.flatMap { block in deviceReads(of: block).map { "!(\($0))" } }
    }

    /// The conditions, one per reader, read and block, under which a device read of `block` is in
    /// progress; `reads` only, where given.
    private func deviceReads(of block: Int, readsOnly: Bool = false, except: Int? = nil) -> [String] {
        readers.indices.filter { $0 != except }.flatMap { reader in
            readers[reader].script.enumerated().flatMap { step, read -> [String] in
                if readsOnly, case .directRead = read { return [] }
                guard read.fileBlocks.contains(block) else { return [] }
                return ["rphase[\(reader)] != 0 && rstep[\(reader)] == \(step) && rindex[\(reader)] == \(block - read.fileBlocks.lowerBound)"]
            }
        }
    }

    private var noBioInFlight: [String] {
        writers.indices.map { "wphase[\($0)] != 1" } + (0..<blocks).map { "(fflags[\($0)] & WRITEBACK) == 0" }
    }

    mutating func writeReaderSteps(_ reader: Int) {
        for (step, read) in readers[reader].script.enumerated() {
            for (index, block) in read.fileBlocks.enumerated() {
                let at = noBioInFlight + ["rstep[\(reader)] == \(step)", "rindex[\(reader)] == \(index)"]
                writeRead(reader, read, step: step, block: block, at: at)
                for mirror in 0..<mirrors { writeFetch(reader, read, block: block, mirror: mirror, at: at) }
                writeCheck(reader, read, block: block, at: at)
                for mirror in 0..<mirrors where policy.readRepair == .yes { writeRepair(reader, read, block: block, mirror: mirror, at: at) }
                writeEnd(reader, read, step: step, index: index, block: block, at: at)
            }
        }
    }

    private var readerName: (Int) -> String { { readers[$0].name } }

    private mutating func writeRead(_ reader: Int, _ read: ReaderStep, step: Int, block: Int, at: [String]) {
        let ready = at + ["rphase[\(reader)] == 0"]
        guard case .read = read else {
            option("\(readerName(reader)): dio-read block \(block)", guard: all(ready)) { $0.line("rphase[\(reader)] = 1;", 2) }
            return
        }
        option("\(readerName(reader)): read block \(block), cached", guard: all(ready + ["(fflags[\(block)] & CACHED) != 0"])) {
            $0.advance(reader, step: step, index: read.fileBlocks.count > 1 ? nil : 0, blocks: read.fileBlocks.count)
        }
        let unlocked = deviceReads(of: block, readsOnly: true, except: reader).map { "!(\($0))" }
        option("\(readerName(reader)): read block \(block) from the device", guard: all(ready + ["(fflags[\(block)] & CACHED) == 0"] + unlocked)) {
            $0.line("rphase[\(reader)] = 1;", 2)
        }
    }

    /// Moves the reader on: to the next block of its read, or its next read.
    private mutating func advance(_ reader: Int, step: Int, index: Int?, blocks: Int, endingCall: Bool = false) {
        if endingCall || blocks == 1 {
            line("rstep[\(reader)] = \(step + 1); rindex[\(reader)] = 0;", 2)
        } else {
            line("if :: rindex[\(reader)] + 1 < \(blocks) -> rindex[\(reader)] = rindex[\(reader)] + 1", 2)
            line(":: else -> rstep[\(reader)] = \(step + 1); rindex[\(reader)] = 0 fi;", 2)
        }
    }

    /// Whether the read lands in the reader's buffer itself unless it rereads: a `dio-read` under `user-pages`.
    private func landsInBuffer(_ read: ReaderStep) -> IORange? {
        if case .directRead(let range) = read, policy.directRead == .userPages { range } else { nil }
    }

    private mutating func writeFetch(_ reader: Int, _ read: ReaderStep, block: Int, mirror: Int, at: [String]) {
        let untried = "(rreread[\(reader)] != 0 || (rtried[\(reader)] & \(1 << mirror)) == 0)"
        option("\(readerName(reader)): fetch block \(block) mirror \(mirror)", guard: all(at + ["rphase[\(reader)] == 1", untried])) {
            $0.line("rphase[\(reader)] = 2; rmirror[\(reader)] = \(mirror);", 2)
            $0.line("if :: rreread[\(reader)] == 0 -> rtried[\(reader)] = rtried[\(reader)] | \(1 << mirror) :: else -> skip fi;", 2)
            $0.copy(.stored(block, mirror: mirror), to: .readerPage(reader), 2)
            if let range = $0.landsInBuffer(read) {
                $0.line("if :: rreread[\(reader)] == 0 ->", 2)
                $0.copy(.stored(block, mirror: mirror), to: .buffer(range.buffer, block: block - range.at), 3)
                $0.line(":: else -> skip fi;", 2)
            }
        }
    }

    /// Whether the destination's words equal the stored checksum's, where the fetch landed now: the
    /// buffer, or, when rereading or for a kernel page, the page.
    private func matches(_ reader: Int, _ read: ReaderStep, block: Int) -> String {
        let page = all(equal(.readerPage(reader), .storedChecksum(block)))
        guard let range = landsInBuffer(read) else { return "(\(page))" }
        let buffer = all(equal(.buffer(range.buffer, block: block - range.at), .storedChecksum(block)))
        return "((rreread[\(reader)] != 0 && \(page)) || (rreread[\(reader)] == 0 && \(buffer)))"
    }

    private mutating func writeCheck(_ reader: Int, _ read: ReaderStep, block: Int, at: [String]) {
        let fetched = at + ["rphase[\(reader)] == 2"]
        let passes = "(\(isEmpty(.storedChecksum(block))) || \(matches(reader, read, block: block)))"
        option("\(readerName(reader)): check block \(block), passing", guard: all(fetched + [passes])) {
            $0.line("rphase[\(reader)] = 3; rmirror[\(reader)] = 0; rtried[\(reader)] = 0;", 2)
            if $0.landsInBuffer(read) != nil {
                $0.line("if :: rreread[\(reader)] == 0 ->", 2)
                $0.clear(.readerPage(reader), 3)
                $0.line(":: else -> skip fi;", 2)
            }
        }
        option("\(readerName(reader)): check block \(block), failing", guard: all(fetched + ["!\(passes)"])) {
            if $0.asserts(.noFalseAlarm) {
                let alarm = $0.flag(.noFalseAlarm)
                $0.line("\(alarm) = !(\($0.all($0.equal(.readerPage(reader), .storedChecksum(block))))); assert(\(alarm));", 2)
            }
            if $0.policy.readRepair == .yes { $0.line("rfailed[\(reader)] = rfailed[\(reader)] | (1 << rmirror[\(reader)]);", 2) }
            $0.clear(.readerPage(reader), 2)
            $0.line("if :: rreread[\(reader)] != 0 -> \($0.failing(reader))", 2)
            switch $0.policy.readFailure {
            case .nextMirror:
                $0.line(":: rreread[\(reader)] == 0 && rtried[\(reader)] == \((1 << $0.mirrors) - 1) -> \($0.failing(reader))", 2)
                $0.line(":: else -> rphase[\(reader)] = 1; rmirror[\(reader)] = 0 fi;", 2)
            case .rereadStable:
                $0.line(":: else -> rphase[\(reader)] = 1; rreread[\(reader)] = 1; rmirror[\(reader)] = 0; rtried[\(reader)] = 0 fi;", 2)
            }
        }
    }

    /// The read left to end with EIO: nothing of it kept but the phase.
    private func failing(_ reader: Int) -> String {
        "rphase[\(reader)] = 4; rreread[\(reader)] = 0; rmirror[\(reader)] = 0; rtried[\(reader)] = 0; rfailed[\(reader)] = 0"
    }

    private mutating func writeRepair(_ reader: Int, _ read: ReaderStep, block: Int, mirror: Int, at: [String]) {
        let failed = "rphase[\(reader)] == 3 && (rfailed[\(reader)] & \(1 << mirror)) != 0"
        option("\(readerName(reader)): repair block \(block) mirror \(mirror)", guard: all(at + [failed]), stores: true) {
            if let range = $0.landsInBuffer(read) {
                $0.line("if :: rreread[\(reader)] == 0 ->", 2)
                $0.copy(.buffer(range.buffer, block: block - range.at), to: .stored(block, mirror: mirror), 3)
                $0.line(":: else ->", 2)
                $0.copy(.readerPage(reader), to: .stored(block, mirror: mirror), 3)
                $0.line("fi;", 2)
            } else {
                $0.copy(.readerPage(reader), to: .stored(block, mirror: mirror), 2)
            }
            $0.line("rfailed[\(reader)] = rfailed[\(reader)] - \(1 << mirror);", 2)
        }
    }

    private mutating func writeEnd(_ reader: Int, _ read: ReaderStep, step: Int, index: Int, block: Int, at: [String]) {
        let blocks = read.fileBlocks.count
        option("\(readerName(reader)): end read of block \(block)", guard: all(at + ["rphase[\(reader)] == 3 && rfailed[\(reader)] == 0"])) {
            switch read {
            case .read:
                $0.copy(.readerPage(reader), to: .folio(block), 2)
                $0.line("fflags[\(block)] = CACHED;", 2)
            case .directRead(let range):
                if $0.landsInBuffer(read) != nil { $0.line("if :: rreread[\(reader)] != 0 ->", 2) }
                $0.copy(.readerPage(reader), to: .buffer(range.buffer, block: block - range.at), 3)
                if $0.landsInBuffer(read) != nil { $0.line(":: else -> skip fi;", 2) }
            }
            $0.clear(.readerPage(reader), 2)
            $0.line("rphase[\(reader)] = 0; rreread[\(reader)] = 0;", 2)
            $0.advance(reader, step: step, index: index, blocks: blocks)
        }
        option("\(readerName(reader)): end read of block \(block) with EIO", guard: all(at + ["rphase[\(reader)] == 4"])) {
            $0.line("rphase[\(reader)] = 0;", 2)
            $0.advance(reader, step: step, index: index, blocks: blocks, endingCall: true)
            if $0.asserts(.readsSucceed) { $0.assertFails(.readsSucceed, 2) }
        }
    }

    mutating func writeScrubs(_ scrubber: Int) {
        let total = scrubbers[scrubber].passes * blocks
        for block in 0..<blocks {
            let at = noBioInFlight + ["scrubbed[\(scrubber)] < \(total)", "scrubbed[\(scrubber)] % \(blocks) == \(block)"]
            option("\(scrubbers[scrubber].name): scrub block \(block)", guard: all(at), stores: true) {
                $0.writeScrub(block)
                $0.line("scrubbed[\(scrubber)] = scrubbed[\(scrubber)] + 1;", 2)
            }
        }
    }

    /// One block's scrub: whether it reports nothing of damage (asserted first, on the block as the
    /// scrub found it), then, under `checksums`, each failing mirror rewritten from the first that checks.
    private mutating func writeScrub(_ block: Int) {
        let summed = isFilled(.storedChecksum(block))
        let good = (0..<mirrors).map { "(\(all(equal(.stored(block, mirror: $0), .storedChecksum(block)))))" }
        let bad = good.map { "!\($0)" }
        let agree = "(\(all((1..<max(1, mirrors)).flatMap { equal(.stored(block, mirror: $0), .stored(block, mirror: 0)) })))"
        let differ = "!\(agree)"
        if asserts(.scrubFindsDamage) {
            let silent: String =
                switch policy.scrub {
                case .checksums: "(!(\(summed)) && \(differ))"
                case .compareCopies: "(\(agree) && \(summed) && (\(bad.joined(separator: " || "))))"
                }
            line("\(flag(.scrubFindsDamage)) = !\(silent); assert(\(flag(.scrubFindsDamage)));", 2)
        }
        guard policy.scrub == .checksums, mirrors > 1 else { return }
        for mirror in 0..<mirrors {
            // From the first other mirror that checks.
            let sources = (0..<mirrors).filter { $0 != mirror }
            for (position, source) in sources.enumerated() {
                let earlierBad = sources.prefix(position).map { bad[$0] }
                line("if :: \(summed) && \(bad[mirror]) && \(good[source])" + earlierBad.map { " && \($0)" }.joined() + " ->", 2)
                copy(.stored(block, mirror: source), to: .stored(block, mirror: mirror), 3)
                line(":: else -> skip fi;", 2)
            }
        }
    }
}
