extension ExtentModel {
    /// The kind of step `action` is.
    func kind(of action: ExtentAction) -> StepView.Kind {
        switch action {
        case .writerStep(let writer, let step): kind(of: writers[writer].script[step])
        case .writeback: .writeback
        case .checksum: .csum
        case .transfer: .dma
        case .complete, .failedCompletion: .complete
        case .mutate: .mutate
        case .read: .read
        case .fetch: .fetch
        case .check: .check
        case .repair: .repair
        case .endRead: .end
        case .scrub: .scrub
        case .crash: .crash
        }
    }

    /// The actor that takes `action`.
    package func actor(of action: ExtentAction) -> String {
        switch action {
        case .writerStep(let writer, _): writers[writer].name
        case .writeback: Self.flusherActor
        case .checksum, .complete, .failedCompletion: Self.kernelActor
        case .transfer: Self.deviceActor
        case .mutate(let mutator, _, _): mutators[mutator].name
        case .read(let reader), .fetch(let reader, _), .check(let reader, _), .repair(let reader, _), .endRead(let reader):
            readers[reader].name
        case .scrub(let scrubber, _): scrubbers[scrubber].name
        case .crash: Self.powerActor
        }
    }

    /// The names of the actors no scenario names: who starts writeback, who checksums and completes
    /// bios, and who transfers their blocks.
    static let flusherActor = "flusher", kernelActor = "kernel", deviceActor = "device"

    /// The activity `action` belongs to: a writer's script and its bio's steps are the writer's, a
    /// folio's writeback and its bio's steps are that writeback's, a mutator's changes its own.
    package func activity(of action: ExtentAction) -> String {
        let owner: BioOwner
        switch action {
        case .writerStep(let writer, _): return writers[writer].name
        case .writeback(let block): return "writeback of block \(block)"
        case .mutate(let mutator, _, _): return mutators[mutator].name
        case .read, .fetch, .check, .repair, .endRead, .scrub, .crash: return actor(of: action)
        case .checksum(let bio, _), .transfer(let bio, _, _), .complete(let bio), .failedCompletion(let bio): owner = bio
        }
        switch owner {
        case .writer(let writer): return writers[writer].name
        case .writeback(let block): return "writeback of block \(block)"
        }
    }

    /// The step `action` in words, e.g. `dma bio qemu mirror 0 block 0`, as taken from `state`.
    package func describe(_ action: ExtentAction, in state: ExtentState) -> String {
        switch action {
        case .writerStep(let writer, let step):
            let text = describe(writers[writer].script[step])
            guard case .directWrite = writers[writer].script[step] else { return text }
            switch directIOPath {
            case .direct: return text + " (direct)"
            case .bounce: return text + " (bounce copy)"
            case .buffered: return text + " (falls back to buffered)"
            }
        case .writeback(let block):
            return "writeback folio \(block)"
        case .checksum(let owner, let index):
            return "csum \(name(of: owner)) block \(fileBlock(owner, index, in: state))"
        case .transfer(let owner, let mirror, let index):
            return "dma \(name(of: owner)) mirror \(mirror) block \(fileBlock(owner, index, in: state))"
        case .complete(let owner):
            return "complete \(name(of: owner))"
        case .failedCompletion(let owner):
            return "complete \(name(of: owner)) (fails)"
        case .mutate(_, let location, let value):
            let target =
                switch location {
                case .buffer(let buffer, let word): "\(scenario.buffers[buffer].name) word \(word)"
                case .folio(let block, let word): "folio \(block) word \(word)"
                }
            return value.map { "mutate \(target) := \($0)" } ?? "mutate \(target)"
        case .read, .fetch, .check, .repair, .endRead, .scrub:
            return describeRead(action, in: state)
        case .crash:
            return describeCrash(in: state)
        }
    }

    /// A reader's or scrubber's step in words, e.g. `fetch block 0 mirror 1 into read-buffer`.
    private func describeRead(_ action: ExtentAction, in state: ExtentState) -> String {
        if case .scrub(let scrubber, let failing) = action {
            return "scrub block \(scrubbedBlock(of: scrubber, in: state))" + describeScrub(failing)
        }
        guard case .some(let (read, block)) = currentRead(of: reader(of: action), in: state) else { return "\(action)" }
        let progress = readProgress(of: reader(of: action), in: state)
        switch action {
        case .read:
            if case .read = read { return "read block \(block)" + (folio(block, in: state).contains(.cached) ? " (cached)" : "") }
            return "dio-read block \(block)"
        case .fetch(let reader, let mirror):
            let into: String =
                switch destination(of: reader, in: state) {
                case .buffer(let buffer, _): scenario.buffers[buffer].name
                default: "a kernel page"
                }
            return "fetch block \(block) mirror \(mirror) into \(into)"
        case .check(_, let passes):
            return "check block \(block) mirror \(progress.mirror)" + (passes ? "" : " (fails)")
        case .repair(_, let mirror):
            return "repair block \(block) mirror \(mirror)"
        default:
            return "end read block \(block)" + (progress.phase == .failed ? " (EIO)" : "")
        }
    }

    /// What a scrub found, in words: nothing, the mirrors rewritten, or that none checks.
    private func describeScrub(_ failing: UInt32) -> String {
        let mirrors = (0..<geometry.mirrors).filter { failing & (1 << $0) != 0 }
        guard !mirrors.isEmpty else { return "" }
        let list = mirrors.map(String.init).joined(separator: ", ")
        let noun = mirrors.count == 1 ? "mirror" : "mirrors"
        return mirrors.count == geometry.mirrors ? " (\(noun) \(list) fail: uncorrectable)" : " (\(noun) \(list) rewritten)"
    }

    /// The reader that takes a reader's step.
    func reader(of action: ExtentAction) -> Int {
        switch action {
        case .read(let reader), .fetch(let reader, _), .check(let reader, _), .repair(let reader, _), .endRead(let reader): reader
        default: preconditionFailure("\(action) is not a reader's step")
        }
    }

    /// A script step in the model file's words, e.g. `dio-write guest-page at 0 len 1`.
    func describe(_ step: WriterStep) -> String {
        switch step {
        case .directWrite(let range): "dio-write \(describe(range))"
        case .bufferedWrite(let range): "write \(describe(range))"
        case .fsync: "fsync"
        }
    }

    private func describe(_ range: IORange) -> String {
        "\(scenario.buffers[range.buffer].name) at \(range.at) len \(range.blocks)"
    }

    /// A bio's name: `bio WRITER` for a writer's, `bio writeback-B` for a folio's.
    func name(of owner: BioOwner) -> String {
        switch owner {
        case .writer(let writer): "bio \(writers[writer].name)"
        case .writeback(let block): "bio writeback-\(block)"
        }
    }

    private func fileBlock(_ owner: BioOwner, _ index: Int, in state: ExtentState) -> Int {
        (range(of: owner, in: state)?.at ?? 0) + index
    }
}
