import Extent

/// Writes a `PromelaModel`'s text: the state as Promela variables, the initial choice of every fresh
/// word, and one loop option per step, written from the contract rather than from the search's code.
///
/// Every word is a byte, `NONE` (255) where the contract has no value: an absent folio, a checksum
/// not yet computed or stored, a transfer not yet made.
struct PromelaWriter {
    let model: PromelaModel
    private(set) var text = ""
    /// The guards of the loop's options written so far: a crash asserts `no-deadlock` unless one holds.
    private(set) var guards: [String] = []

    let blocks: Int
    let words: Int
    let mirrors: Int
    let writers: [(name: String, script: [WriterStep])]
    let mutators: [(name: String, target: MutationTarget, budget: Int)]
    let readers: [(name: String, script: [ReaderStep])]
    let scrubbers: [(name: String, passes: Int)]
    /// The path an O_DIRECT write takes once the mirrors are known.
    let directPath: Policy.DirectIOPath
    var policy: Policy { model.policy }

    init(model: PromelaModel) {
        self.model = model
        let geometry = model.scenario.geometry
        (blocks, words, mirrors) = (geometry.blocks, geometry.blockWords, geometry.mirrors)
        var writers: [(String, [WriterStep])] = []
        var mutators: [(String, MutationTarget, Int)] = []
        var readers: [(String, [ReaderStep])] = []
        var scrubbers: [(String, Int)] = []
        for actor in model.scenario.actors {
            switch actor.role {
            case .writer(let script): writers.append((actor.name, script))
            case .mutator(let target, let budget): mutators.append((actor.name, target, budget))
            case .reader(let script): readers.append((actor.name, script))
            case .scrubber(let passes): scrubbers.append((actor.name, passes))
            }
        }
        (self.writers, self.mutators, self.readers, self.scrubbers) = (writers, mutators, readers, scrubbers)
        directPath =
            switch model.policy.directIOPath {
            case .bufferedIfMirrored: mirrors > 1 ? .buffered : .direct
            case .bounceIfMirrored: mirrors > 1 ? .bounce : .direct
            case let path: path
            }
    }

    mutating func line(_ text: String = "", _ depth: Int = 0) {
        self.text += String(repeating: "    ", count: depth) + text + "\n"
    }

    mutating func write() {
        let scenario = model.scenario
        line("/* \(scenario.name) under \(policy.name), concrete:\(model.values): written by extentcheck export. */")
        line("/* SPIN stores one state more than extentcheck counts: the one before the initial words are chosen. */")
        line()
        line("#define NONE 255")
        line("#define CACHED 1")
        line("#define DIRTY 2")
        line("#define WRITEBACK 4")
        line()
        declareState()
        line()
        line("init {")
        writeInitialStates()
        line(asserts(.noDeadlock) ? "do" : "end: do", 1)
        for (writer, description) in writers.enumerated() {
            for (step, action) in description.script.enumerated() { writeWriterStep(writer, step, action) }
        }
        for block in 0..<blocks { writeWriteback(block) }
        for owner in owners { writeBioSteps(owner) }
        for (mutator, description) in mutators.enumerated() { writeMutations(mutator, description.target) }
        for reader in readers.indices { writeReaderSteps(reader) }
        for scrubber in scrubbers.indices { writeScrubs(scrubber) }
        if model.scenario.crashes > 0 { writeCrash() }
        if asserts(.noDeadlock) {
            line("/* no step can run: every writer and reader must have finished, and every scrubber */", 1)
            let assertion = flag(.noDeadlock)
            line(":: atomic { timeout -> \(assertion) = (\(finished)); assert(\(assertion)) }", 1)
        }
        line("od", 1)
        line("}")
    }

    /// Whether the model asserts `invariant`.
    func asserts(_ invariant: ExtentProperty) -> Bool { model.invariants.contains(invariant) }

    /// The Promela name of an invariant's assertion: its name with underscores.
    func flag(_ invariant: ExtentProperty) -> String { invariant.name.replacingOccurrences(of: "-", with: "_") }

    /// An assertion of `invariant` that fails: a step that breaks it wherever it runs.
    mutating func assertFails(_ invariant: ExtentProperty, _ depth: Int) {
        line("\(flag(invariant)) = 0; assert(\(flag(invariant)));", depth)
    }

    // MARK: The state

    private mutating func declareState() {
        if !writers.isEmpty {
            line("/* each writer: its step, and whether it is ready (0), waits for its bio (1) or for writeback (2), or a crash stopped it (3) */")
            line("byte wstep[\(writers.count)]; byte wphase[\(writers.count)];")
        }
        if !mutators.isEmpty { line("byte budget[\(mutators.count)];") }
        if model.scenario.crashes > 0 { line("byte crashed; /* the crashes taken */") }
        line("byte fflags[\(blocks)];")
        for (index, buffer) in model.scenario.buffers.enumerated() {
            line("byte buf\(index)[\(buffer.blocks * words)] = NONE; /* \(buffer.name) */")
        }
        line("byte folio[\(blocks * words)] = NONE;")
        line("byte stored[\(blocks * mirrors * words)] = NONE; byte scsum[\(blocks * words)] = NONE;")
        if !writers.isEmpty {
            line("/* the bio of each writer's O_DIRECT write: checksums, what each mirror received, a bounce copy */")
            line("byte wcsum[\(writers.count * blocks * words)] = NONE; byte wdma[\(writers.count * mirrors * blocks * words)] = NONE;")
            if directPath == .bounce { line("byte wbounce[\(writers.count * blocks * words)] = NONE;") }
        }
        line("/* the writeback bio of each folio */")
        line("byte bcsum[\(blocks * words)] = NONE; byte bdma[\(blocks * mirrors * words)] = NONE;")
        if policy.writebackSource == .copy { line("byte bcopy[\(blocks * words)] = NONE;") }
        declareReaders()
        for invariant in model.invariants { line("hidden byte \(flag(invariant));") }
    }

    private mutating func writeInitialStates() {
        line("atomic {", 1)
        for (index, buffer) in model.scenario.buffers.enumerated() {
            for word in 0..<(buffer.blocks * words) { choose("buf\(index)[\(word)]") }
        }
        for block in 0..<blocks {
            let copies = (1..<mirrors).map { Place.stored(block, mirror: $0) }
                + (policy.checksumsAnything ? [Place.storedChecksum(block)] : [])
            for word in 0..<words {
                let first = Place.stored(block, mirror: 0).word(word, in: self)
                choose(first)
                for copy in copies { line("\(copy.word(word, in: self)) = \(first);", 2) }
            }
        }
        for (mutator, description) in mutators.enumerated() { line("budget[\(mutator)] = \(description.budget);", 2) }
        writeStateAssertions(2)
        line("}", 1)
    }

    private mutating func choose(_ variable: String) {
        line("if " + (0..<model.values).map { ":: \(variable) = \($0) " }.joined() + "fi;", 2)
    }

    // MARK: Places

    /// Where one block's words live.
    enum Place {
        case buffer(Int, block: Int)
        case folio(Int)
        case stored(Int, mirror: Int)
        case storedChecksum(Int)
        case checksum(Owner, index: Int)
        case received(Owner, mirror: Int, index: Int)
        case bounce(writer: Int, index: Int)
        case writebackCopy(Int)
        case readerPage(Int)

        func word(_ word: Int, in writer: PromelaWriter) -> String {
            let (blocks, words, mirrors) = (writer.blocks, writer.words, writer.mirrors)
            switch self {
            case .buffer(let buffer, let block): return "buf\(buffer)[\(block * words + word)]"
            case .folio(let block): return "folio[\(block * words + word)]"
            case .stored(let block, let mirror): return "stored[\((block * mirrors + mirror) * words + word)]"
            case .storedChecksum(let block): return "scsum[\(block * words + word)]"
            case .checksum(.writer(let writer, _, _), let index): return "wcsum[\((writer * blocks + index) * words + word)]"
            case .checksum(.writeback(let block), _): return "bcsum[\(block * words + word)]"
            case .received(.writer(let writer, _, _), let mirror, let index):
                return "wdma[\(((writer * mirrors + mirror) * blocks + index) * words + word)]"
            case .received(.writeback(let block), let mirror, _): return "bdma[\((block * mirrors + mirror) * words + word)]"
            case .bounce(let writer, let index): return "wbounce[\((writer * blocks + index) * words + word)]"
            case .writebackCopy(let block): return "bcopy[\(block * words + word)]"
            case .readerPage(let reader): return "rpage[\(reader * words + word)]"
            }
        }
    }

    func words(_ place: Place) -> [String] { (0..<words).map { place.word($0, in: self) } }
    func isEmpty(_ place: Place) -> String { "\(place.word(0, in: self)) == NONE" }
    func isFilled(_ place: Place) -> String { "\(place.word(0, in: self)) != NONE" }
    func equal(_ a: Place, _ b: Place) -> [String] { zip(words(a), words(b)).map { "\($0) == \($1)" } }

    mutating func copy(_ source: Place, to destination: Place, _ depth: Int) {
        line(zip(words(destination), words(source)).map { "\($0) = \($1);" }.joined(separator: " "), depth)
    }

    mutating func clear(_ place: Place, _ depth: Int) {
        line(words(place).map { "\($0) = NONE;" }.joined(separator: " "), depth)
    }

    func all(_ conditions: [String]) -> String { conditions.isEmpty ? "true" : conditions.joined(separator: " && ") }

    // MARK: Steps

    /// One option of the loop: `guard`, then `body`, then, for a step that `stores` blocks, the
    /// assertions of the state invariants: they read only the stored blocks, which no other step changes.
    mutating func option(
        _ comment: String, guard condition: String, stores: Bool = false, _ body: (inout PromelaWriter) -> Void
    ) {
        guards.append(condition)
        line("/* \(comment) */", 1)
        line(":: d_step { (\(condition)) ->", 1)
        body(&self)
        if stores { writeStateAssertions(2) }
        line("}", 1)
    }

    mutating func writeStateAssertions(_ depth: Int) {
        if asserts(.csumMatchesData) {
            let matches = (0..<blocks).map { block in
                "(\(isEmpty(.storedChecksum(block))) || ("
                    + all((0..<mirrors).flatMap { equal(.stored(block, mirror: $0), .storedChecksum(block)) }) + "))"
            }
            let assertion = flag(.csumMatchesData)
            line("\(assertion) = (\(all(matches))); assert(\(assertion));", depth)
        }
        if asserts(.mirrorsAgree) {
            let agree = (0..<blocks).flatMap { block in
                (1..<max(1, mirrors)).flatMap { equal(.stored(block, mirror: $0), .stored(block, mirror: 0)) }
            }
            let assertion = flag(.mirrorsAgree)
            line("\(assertion) = (\(all(agree))); assert(\(assertion));", depth)
        }
    }

    private func ready(_ writer: Int, _ step: Int) -> String { "wphase[\(writer)] == 0 && wstep[\(writer)] == \(step)" }

    /// Whether a buffered write may fill the folios of `range`: not while one is under writeback, if folios are stable.
    private func canWriteFolios(_ range: IORange) -> [String] {
        policy.stablePages ? range.fileBlocks.map { "(fflags[\($0)] & WRITEBACK) == 0" } : []
    }

    private var pageCacheIsClean: String { all((0..<blocks).map { "(fflags[\($0)] & (DIRTY | WRITEBACK)) == 0" }) }

    private mutating func writeFolios(_ range: IORange, _ depth: Int) {
        for (index, block) in range.fileBlocks.enumerated() {
            copy(.buffer(range.buffer, block: index), to: .folio(block), depth)
            line("fflags[\(block)] = fflags[\(block)] | CACHED | DIRTY;", depth)
        }
    }

    func describe(_ range: IORange) -> String {
        "\(model.scenario.buffers[range.buffer].name) at \(range.at) len \(range.blocks)"
    }

    private mutating func writeWriterStep(_ writer: Int, _ step: Int, _ action: WriterStep) {
        let name = writers[writer].name
        switch action {
        case .directWrite(let range):
            let enabled = (directPath == .buffered ? canWriteFolios(range) : []) + notBeingRead(range.fileBlocks)
            option("\(name) step \(step): dio-write \(describe(range)) (\(directPath.rawValue))", guard: all([ready(writer, step)] + enabled)) {
                switch $0.directPath {
                case .buffered:
                    $0.writeFolios(range, 2)
                    $0.line("wphase[\(writer)] = 2;", 2)
                default:
                    $0.line("wphase[\(writer)] = 1;", 2)
                    if $0.directPath == .bounce {
                        for index in 0..<range.blocks {
                            $0.copy(.buffer(range.buffer, block: index), to: .bounce(writer: writer, index: index), 2)
                        }
                    }
                }
            }
        case .bufferedWrite(let range):
            option(
                "\(name) step \(step): write \(describe(range))",
                guard: all([ready(writer, step)] + canWriteFolios(range) + notBeingRead(range.fileBlocks))
            ) {
                $0.writeFolios(range, 2)
                $0.line("wstep[\(writer)] = \(step + 1);", 2)
            }
        case .fsync:
            let noBio = writers.indices.map { "wphase[\($0)] != 1" }
            option("\(name) step \(step): fsync", guard: all([ready(writer, step), pageCacheIsClean] + noBio)) {
                $0.line("wstep[\(writer)] = \(step + 1);", 2)
            }
        }
    }

    private mutating func writeWriteback(_ block: Int) {
        option(
            "flusher: writeback of block \(block)",
            guard: all(["(fflags[\(block)] & (DIRTY | WRITEBACK)) == DIRTY"] + notBeingRead(block..<(block + 1)))
        ) {
            $0.line("fflags[\(block)] = fflags[\(block)] - DIRTY + WRITEBACK;", 2)
            if $0.policy.writebackSource == .copy { $0.copy(.folio(block), to: .writebackCopy(block), 2) }
        }
    }

    // MARK: Bios

    /// A bio that can be in flight: a writer's, for one `dio-write` of its script, or a folio's writeback.
    enum Owner {
        case writer(Int, step: Int, range: IORange)
        case writeback(Int)
    }

    var owners: [Owner] {
        var owners: [Owner] = []
        if directPath != .buffered {
            for (writer, description) in writers.enumerated() {
                for (step, action) in description.script.enumerated() {
                    if case .directWrite(let range) = action { owners.append(.writer(writer, step: step, range: range)) }
                }
            }
        }
        return owners + (0..<blocks).map(Owner.writeback)
    }

    private func name(_ owner: Owner) -> String {
        switch owner {
        case .writer(let writer, let step, _): "bio of \(writers[writer].name) step \(step)"
        case .writeback(let block): "writeback bio of block \(block)"
        }
    }

    func isInFlight(_ owner: Owner) -> String {
        switch owner {
        case .writer(let writer, let step, _): "wphase[\(writer)] == 1 && wstep[\(writer)] == \(step)"
        case .writeback(let block): "(fflags[\(block)] & WRITEBACK) != 0"
        }
    }

    func fileBlocks(_ owner: Owner) -> Range<Int> {
        switch owner {
        case .writer(_, _, let range): range.fileBlocks
        case .writeback(let block): block..<(block + 1)
        }
    }

    private func checksums(_ owner: Owner) -> Bool {
        if case .writer = owner { policy.directIOChecksum } else { policy.bufferedChecksum }
    }

    /// Where the bio reads its `index`-th block from.
    private func source(_ owner: Owner, _ index: Int) -> Place {
        switch owner {
        case .writer(let writer, _, let range):
            directPath == .bounce ? .bounce(writer: writer, index: index) : .buffer(range.buffer, block: index)
        case .writeback(let block):
            policy.writebackSource == .copy ? .writebackCopy(block) : .folio(block)
        }
    }

    /// The pairs a `complete`'s checks compare, data against checksum: the verify's, then the guard's.
    private func checkedPairs(_ owner: Owner) -> [(Place, Place)] {
        let count = fileBlocks(owner).count
        var pairs: [(Place, Place)] = []
        if case .writer = owner, policy.verify == .afterDMA, directPath == .direct, checksums(owner) {
            pairs += (0..<count).map { (source(owner, $0), .checksum(owner, index: $0)) }
        }
        if policy.deviceCheck == .guard, checksums(owner) {
            for mirror in 0..<mirrors {
                pairs += (0..<count).map { (.received(owner, mirror: mirror, index: $0), .checksum(owner, index: $0)) }
            }
        }
        return pairs
    }

    private mutating func writeBioSteps(_ owner: Owner) {
        let count = fileBlocks(owner).count
        let inFlight = isInFlight(owner)
        var summed: [String] = []
        if checksums(owner) {
            for index in 0..<count {
                option("kernel: csum \(name(owner)) block \(index)", guard: all([inFlight] + summed + [isEmpty(.checksum(owner, index: index))])) {
                    $0.copy($0.source(owner, index), to: .checksum(owner, index: index), 2)
                }
                summed.append(isFilled(.checksum(owner, index: index)))
            }
        }
        var transferred: [String] = []
        for mirror in 0..<mirrors {
            for index in 0..<count {
                let received = Place.received(owner, mirror: mirror, index: index)
                option("device: dma \(name(owner)) mirror \(mirror) block \(index)", guard: all([inFlight] + summed + [isEmpty(received)])) {
                    $0.copy($0.source(owner, index), to: received, 2)
                }
                transferred.append(isFilled(received))
            }
        }
        let done = [inFlight] + summed + transferred
        let pairs = checkedPairs(owner)
        let agree = all(pairs.flatMap { equal($0.0, $0.1) })
        let checked = policy.checksCompletions && !pairs.isEmpty
        option("kernel: complete \(name(owner))", guard: all(done + (checked ? ["(\(agree))"] : [])), stores: true) {
            for (index, block) in $0.fileBlocks(owner).enumerated() {
                for mirror in 0..<$0.mirrors {
                    $0.copy(.received(owner, mirror: mirror, index: index), to: .stored(block, mirror: mirror), 2)
                }
                if $0.checksums(owner) {
                    $0.copy(.checksum(owner, index: index), to: .storedChecksum(block), 2)
                } else {
                    $0.clear(.storedChecksum(block), 2)
                }
            }
            $0.end(owner)
            if $0.asserts(.checksummed), !$0.checksums(owner) { $0.assertFails(.checksummed, 2) }
        }
        guard checked else { return }
        option("kernel: complete \(name(owner)), failing its checks", guard: all(done + ["!(\(agree))"])) {
            $0.end(owner)
            if $0.asserts(.writesSucceed) { $0.assertFails(.writesSucceed, 2) }
        }
    }

    /// Ends a bio: nothing of it is left, its writer goes on or its folio leaves writeback, and once the
    /// page cache is clean every writer waiting for it goes on.
    private mutating func end(_ owner: Owner) {
        let count = fileBlocks(owner).count
        for index in 0..<count {
            clear(.checksum(owner, index: index), 2)
            for mirror in 0..<mirrors { clear(.received(owner, mirror: mirror, index: index), 2) }
        }
        switch owner {
        case .writer(let writer, let step, _):
            if directPath == .bounce { for index in 0..<count { clear(.bounce(writer: writer, index: index), 2) } }
            line("wstep[\(writer)] = \(step + 1); wphase[\(writer)] = 0;", 2)
        case .writeback(let block):
            if policy.writebackSource == .copy { clear(.writebackCopy(block), 2) }
            line("fflags[\(block)] = fflags[\(block)] - WRITEBACK;", 2)
        }
        let waiting = writers.indices.filter { writer in
            directPath == .buffered && writers[writer].script.contains { if case .directWrite = $0 { true } else { false } }
        }
        guard !waiting.isEmpty else { return }
        line("if", 2)
        line(":: (\(pageCacheIsClean)) ->", 2)
        for writer in waiting {
            line("if :: wphase[\(writer)] == 2 -> wstep[\(writer)] = wstep[\(writer)] + 1; wphase[\(writer)] = 0 :: else -> skip fi;", 3)
        }
        line(":: else -> skip", 2)
        line("fi;", 2)
    }

    // MARK: Mutators

    private mutating func writeMutations(_ mutator: Int, _ target: MutationTarget) {
        let name = mutators[mutator].name
        let hasBudget = "budget[\(mutator)] > 0"
        switch target {
        case .buffer(let buffer):
            // Write-protected user pages: the mutator waits while a direct bio reads the buffer.
            var unprotected: [String] = []
            if policy.userPages == .writeProtected, directPath == .direct {
                for case .writer(let writer, let step, let range) in owners where range.buffer == buffer {
                    unprotected.append("!(wphase[\(writer)] == 1 && wstep[\(writer)] == \(step))")
                }
            }
            for word in 0..<(model.scenario.buffers[buffer].blocks * words) {
                for value in 0..<model.values {
                    option("\(name): mutate \(model.scenario.buffers[buffer].name) word \(word) to \(value)", guard: all([hasBudget] + unprotected)) {
                        $0.line("buf\(buffer)[\(word)] = \(value); budget[\(mutator)] = budget[\(mutator)] - 1;", 2)
                    }
                }
            }
        case .pageCache:
            for block in 0..<blocks {
                var mutable = ["(fflags[\(block)] & CACHED) != 0"]
                if policy.stablePages { mutable.append("(fflags[\(block)] & WRITEBACK) == 0") }
                for word in 0..<words {
                    for value in 0..<model.values {
                        let slot = Place.folio(block).word(word, in: self)
                        option("\(name): mutate folio of block \(block) word \(word) to \(value)", guard: all([hasBudget] + mutable)) {
                            $0.line("\(slot) = \(value); fflags[\(block)] = fflags[\(block)] | DIRTY; budget[\(mutator)] = budget[\(mutator)] - 1;", 2)
                        }
                    }
                }
            }
        }
    }
}
