/// Why the last state of a trace violates a built-in invariant, as lines: for each side of the
/// failing comparison, the step that computed or read it, from which place and value, and the
/// steps that changed that place in between; then the comparison with its values.
///
/// It asks the steps of a replayed path and the states between them where the parts of a state came from.
struct TraceExplanation {
    /// The path the trace shows, in one naming of variables for the whole trace.
    let path: ReplayedPath
    /// How terms are compared and shown: with the trace's values.
    let decider: TermDecider

    /// The model the trace runs on.
    var model: ExtentModel { path.model }
    /// The steps of the trace, in order.
    var actions: [ExtentAction] { path.actions }
    /// The initial state, then the state after each step.
    var states: [ExtentState] { path.states }

    /// The explanation of a trace of `property`; empty for a property stated in Swift, whose own
    /// sentence is the explanation.
    func lines(explaining property: ExtentProperty) -> [String] {
        guard let search = property.explains else { return [] }
        let last = actions.count
        let final = view(after: last)
        switch search {
        case .checksums:
            guard case .checksumMismatch(let block, let mirror)? = try? Discrepancy.checksumMismatch(in: final) else { return [] }
            return checksumMismatch(block: block, mirror: mirror)
        case .mirrors:
            guard case .mirrorsDiffer(let block, let mirror)? = try? Discrepancy.mirrorsDiffer(in: final) else { return [] }
            return mirrorsDiffer(block: block, mirror: mirror)
        case .writes:
            guard last > 0 else { return [] }
            let before = view(after: last - 1)
            let step = StepView(action: actions[last - 1], before: states[last - 1], successor: states[last], decider: decider)
            guard let failure = try? Discrepancy.writeFailure(before: before, step: step) else { return [] }
            return writeFailure(failure, at: last)
        case .checksummed:
            guard last > 0 else { return [] }
            let before = view(after: last - 1)
            let step = StepView(action: actions[last - 1], before: states[last - 1], successor: states[last], decider: decider)
            guard case .unchecksummed(let blocks)? = Discrepancy.unchecksummed(before: before, step: step) else { return [] }
            return unchecksummed(blocks, at: last)
        case .deadlock:
            return deadlock()
        case .reads:
            return last > 0 ? readFailure(at: last) : []
        case .falseAlarms:
            return last > 0 ? falseAlarm(at: last) : []
        case .scrubs:
            return last > 0 ? unreportedDamage(at: last) : []
        }
    }

    /// The state after step `step`; 0 is the initial state.
    func view(after step: Int) -> StateView { path.view(after: step, decider: decider) }

    /// Step `number` as the trace names it: "step 2 (`csum bio qemu block 0`)".
    func name(_ number: Int) -> String {
        "step \(number) (`\(model.describe(actions[number - 1], in: states[number - 1]))`)"
    }

    /// The last step at or before `step` that matches.
    func last(atOrBefore step: Int, where matches: (ExtentAction) -> Bool) -> Int? {
        stride(from: min(step, actions.count), through: 1, by: -1).first { matches(actions[$0 - 1]) }
    }

    /// Where a bio read its `index`-th block from at step `step`, and that place's data then.
    func source(of owner: BioOwner, index: Int, at step: Int) -> StateLayout.Place {
        model.source(of: owner, range: model.range(of: owner, in: states[step - 1])!, index)
    }

    /// A place in a trace's words: "guest-page block 0", "folio 1", "the bounce copy of guest-page block 0".
    func describe(_ place: StateLayout.Place) -> String {
        switch place {
        case .buffer(let buffer, let block): "\(model.scenario.buffers[buffer].name) block \(block)"
        case .folio(let block): "folio \(block)"
        case .bounceCopy(let writer, let index):
            "the bounce copy of block \(index) of \(model.writers[writer].name)'s buffer"
        case .writebackCopy(let block): "the copy of folio \(block)"
        case .stored(let block, let mirror): "stored block \(block) mirror \(mirror)"
        case .storedChecksum(let block): "stored block \(block) csum"
        case .bioChecksum(let owner, let index): "\(model.name(of: owner)) csum \(index)"
        case .bioReceived(let owner, let mirror, let index): "\(model.name(of: owner)) dma mirror \(mirror) \(index)"
        case .readerPage(let reader): "the kernel page of \(model.readers[reader].name)'s read"
        }
    }

    /// Word `word` of a place, as a mutator names it: "guest-page word 0", "folio 1 word 0".
    func describe(_ place: StateLayout.Place, word: Int) -> String {
        switch place {
        case .buffer(let buffer, let block):
            "\(model.scenario.buffers[buffer].name) word \(block * model.geometry.blockWords + word)"
        case .folio(let block): "folio \(block) word \(word)"
        default: "word \(word) of \(describe(place))"
        }
    }

    /// The data of `place` after step `step`, as the trace shows it.
    func show(_ place: StateLayout.Place, after step: Int) -> String {
        let view = view(after: step)
        return view.show(view.block(at: model.layout.start(of: place)))
    }

    /// ", after guest-fs changed guest-page word 0 at step 3 (`…`)": the steps after `from` and
    /// before `to` that changed a word of `place`, in order; empty when none did.
    func changes(of place: StateLayout.Place, after from: Int, before to: Int) -> String {
        guard from + 1 < to else { return "" }
        let start = model.layout.start(of: place)
        var phrases: [String] = []
        for step in (from + 1)..<to {
            let words = (0..<model.geometry.blockWords).filter { states[step][start + $0] != states[step - 1][start + $0] }
            guard !words.isEmpty else { continue }
            let what = words.map { describe(place, word: $0) }.joined(separator: " and ")
            phrases.append("\(model.actor(of: actions[step - 1])) changed \(what) at \(name(step))")
        }
        return phrases.isEmpty ? "" : ", after " + phrases.joined(separator: ", then ")
    }

    /// The last successful `complete` at or before `step` that stored file block `block`, with its
    /// bio and the block's index in it.
    func completion(storing block: Int, atOrBefore step: Int) -> (step: Int, owner: BioOwner, index: Int)? {
        for candidate in stride(from: min(step, actions.count), through: 1, by: -1) {
            guard case .complete(let owner) = actions[candidate - 1],
                let range = model.range(of: owner, in: states[candidate - 1]), range.fileBlocks.contains(block)
            else { continue }
            return (candidate, owner, block - range.at)
        }
        return nil
    }

    /// The step at or before `step` that computed the checksum of the bio's `index`-th block.
    func checksumStep(of owner: BioOwner, index: Int, atOrBefore step: Int) -> Int? {
        last(atOrBefore: step) { if case .checksum(owner, index) = $0 { true } else { false } }
    }

    /// The step at or before `step` that transferred the bio's `index`-th block to `mirror`.
    func transferStep(of owner: BioOwner, mirror: Int, index: Int, atOrBefore step: Int) -> Int? {
        last(atOrBefore: step) { if case .transfer(owner, mirror, index) = $0 { true } else { false } }
    }

    /// "computed at step 2 (`csum …`) from guest-page block 0 = 0x…, after …"
    func computed(at step: Int, from place: StateLayout.Place, changedSince: Int?) -> String {
        "computed at \(name(step)) from \(describe(place)) = \(show(place, after: step - 1))"
            + (changedSince.map { changes(of: place, after: $0, before: step) } ?? "")
    }

    /// "read by the device at step 4 (`dma …`) from guest-page block 0 = 0x…, after …"
    func read(at step: Int, from place: StateLayout.Place, changedSince: Int?) -> String {
        "read by the device at \(name(step)) from \(describe(place)) = \(show(place, after: step - 1))"
            + (changedSince.map { changes(of: place, after: $0, before: step) } ?? "")
    }

    /// "0x06606d4d = crc32c(0x1c9756ce) ≠ 0x7ac286c0": the checksum of `data` against `stored`.
    func equation(_ view: StateView, data: BlockData, stored: Checksum) -> String {
        "\(view.show(view.checksum(of: data))) ≠ \(view.decider.renderer.sum(stored.data.terms))"
    }
}
