extension ExtentModel {
    /// `action`, taken from `state`, as a trace records it: what `replay` matches a recorded step by.
    package func traceAction(of action: ExtentAction, in state: ExtentState) -> TraceAction {
        var recorded = TraceAction(kind: kind(of: action), actor: actor(of: action))
        switch action {
        case .writerStep(let writer, let step):
            switch writers[writer].script[step] {
            case .directWrite(let range), .bufferedWrite(let range):
                recorded.buffer = scenario.buffers[range.buffer].name
                recorded.block = range.at
                recorded.blocks = range.blocks
            case .fsync:
                break
            }
        case .writeback(let block):
            recorded.block = block
        case .checksum(let owner, let index):
            recorded.bio = name(of: owner)
            recorded.block = (range(of: owner, in: state)?.at ?? 0) + index
        case .transfer(let owner, let mirror, let index):
            recorded.bio = name(of: owner)
            recorded.mirror = mirror
            recorded.block = (range(of: owner, in: state)?.at ?? 0) + index
        case .complete(let owner), .failedCompletion(let owner):
            recorded.bio = name(of: owner)
            if case .failedCompletion = action { recorded.fails = true } else { recorded.fails = false }
        case .mutate(_, let location, let value):
            switch location {
            case .buffer(let buffer, let word):
                recorded.buffer = scenario.buffers[buffer].name
                recorded.word = word
            case .folio(let block, let word):
                recorded.block = block
                recorded.word = word
            }
            recorded.value = value.map(UInt64.init)
        case .read(let reader):
            if case .some((.directRead(let range), _)) = currentRead(of: reader, in: state) {
                recorded.buffer = scenario.buffers[range.buffer].name
            }
            recorded.block = currentRead(of: reader, in: state)?.block
        case .fetch(let reader, let mirror), .repair(let reader, let mirror):
            recorded.block = currentRead(of: reader, in: state)?.block
            recorded.mirror = mirror
        case .check(let reader, let passes):
            recorded.block = currentRead(of: reader, in: state)?.block
            recorded.mirror = readProgress(of: reader, in: state).mirror
            recorded.fails = !passes
        case .endRead(let reader):
            recorded.block = currentRead(of: reader, in: state)?.block
            recorded.fails = readProgress(of: reader, in: state).phase == .failed
        case .scrub(let scrubber, let failing):
            recorded.block = scrubbedBlock(of: scrubber, in: state)
            recorded.failing = (0..<geometry.mirrors).filter { failing & (1 << $0) != 0 }
        case .crash:
            break
        }
        return recorded
    }
}
