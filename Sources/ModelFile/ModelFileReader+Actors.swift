internal import Extent

extension ModelFileReader {
    /// The actors, in file order, from a mapping of name to role; their ranges and budgets are
    /// checked against the scenario by `Scenario.validate()`.
    static func actors(from reader: NodeReader, buffers: [Buffer], fileBlocks: Int) throws(ModelFileError) -> [Scenario.Actor] {
        var actors: [Scenario.Actor] = []
        for entry in try reader.entries() {
            let (role, value) = try self.role(of: entry)
            switch role {
            case .writer:
                let steps = try value.elements().map { (step) throws(ModelFileError) in
                    try writerStep(from: step, buffers: buffers)
                }
                actors.append(Scenario.Actor(name: entry.name, role: .writer(steps)))
            case .mutator:
                actors.append(Scenario.Actor(name: entry.name, role: try mutator(from: value, buffers: buffers)))
            case .reader:
                let reads = try value.elements().map { (read) throws(ModelFileError) in
                    try readerStep(from: read, buffers: buffers, fileBlocks: fileBlocks)
                }
                actors.append(Scenario.Actor(name: entry.name, role: .reader(reads)))
            case .scrubber:
                let fields = try value.fields(KeyTable.Scrubber.self)
                let passes = try fields[.passes]?.integer() ?? KeyTable.Scrubber.defaultPasses
                actors.append(Scenario.Actor(name: entry.name, role: .scrubber(passes: passes)))
            }
        }
        return actors
    }

    /// The one role an actor's entry gives, and its value.
    static func role(
        of entry: NodeReader.Entry
    ) throws(ModelFileError) -> (role: KeyTable.Actor, value: NodeReader) {
        let roles = try entry.value.fields(KeyTable.Actor.self).entries
        guard let role = roles.first, let key = KeyTable.Actor(rawValue: role.name) else {
            throw entry.value.error(
                "actor \(MessageValue.quoted(entry.name)) needs a role: \(NodeReader.alternatives(KeyTable.Actor.names))")
        }
        if roles.count > 1 {
            throw roles[1].keyReader.error(
                "actor \(MessageValue.quoted(entry.name)) has both \(roles[0].name) and \(roles[1].name); give exactly one")
        }
        return (key, role.value)
    }

    /// One step of a writer's script: `fsync`, or `dio-write: {...}` / `write: {...}`.
    static func writerStep(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> WriterStep {
        if reader.isScalar {
            let name = try reader.string()
            switch KeyTable.Step(rawValue: name) {
            case .fsync:
                return .fsync
            case .dioWrite, .write:
                throw reader.error("\(name) needs its arguments, as in \(name): {from: BUFFER}")
            case nil:
                throw reader.error(
                    "unknown step \(MessageValue.quoted(name)); expected \(NodeReader.alternatives(KeyTable.Step.names))")
            }
        }
        guard case .mapping = reader.node else {
            throw reader.error("expected a step (fsync, dio-write or write), found \(reader.found)")
        }
        let entries = try reader.entries()
        guard entries.count == 1, let step = entries.first else {
            throw reader.error(
                "a step is fsync or a mapping of one key, as in dio-write: {from: BUFFER};"
                    + " found \(entries.count) keys")
        }
        switch KeyTable.Step(rawValue: step.name) {
        case .dioWrite:
            return .directWrite(try range(from: step.value, buffers: buffers))
        case .write:
            return .bufferedWrite(try range(from: step.value, buffers: buffers))
        case .fsync:
            throw step.keyReader.error("fsync takes no arguments; write it as '- fsync'")
        case nil:
            throw step.keyReader.error(
                "unknown step \(MessageValue.quoted(step.name)); expected \(NodeReader.alternatives(KeyTable.Step.names))")
        }
    }

    /// One read of a reader's script: `read: {at: L, blocks: N}` or `dio-read: {into: BUFFER, at: L, blocks: N}`.
    static func readerStep(from reader: NodeReader, buffers: [Buffer], fileBlocks: Int) throws(ModelFileError) -> ReaderStep {
        if reader.isScalar {
            let name = try reader.string()
            switch KeyTable.Read(rawValue: name) {
            case .read: throw reader.error("read needs its arguments, as in read: {at: 0, blocks: 1}")
            case .dioRead: throw reader.error("dio-read needs its arguments, as in dio-read: {into: BUFFER, at: 0}")
            case nil:
                throw reader.error(
                    "unknown read \(MessageValue.quoted(name)); expected \(NodeReader.alternatives(KeyTable.Read.names))")
            }
        }
        let entries = try reader.fields(KeyTable.Read.self).entries
        guard entries.count == 1, let read = entries.first, let kind = KeyTable.Read(rawValue: read.name) else {
            throw reader.error(
                "a read is a mapping of one key, \(NodeReader.alternatives(KeyTable.Read.names)), as in read: {at: 0};"
                    + " found \(entries.count) keys")
        }
        switch kind {
        case .read:
            let fields = try read.value.fields(KeyTable.ReadArgument.self)
            let at = try fields[.at]?.integer() ?? KeyTable.WriteArgument.defaultAt
            return .read(at: at, blocks: try fields[.blocks]?.integer() ?? max(1, fileBlocks - at))
        case .dioRead:
            let fields = try read.value.fields(KeyTable.DirectReadArgument.self)
            let into = try fields.required(.into, hint: "name the buffer the read lands in")
            let index = try bufferIndex(into, buffers: buffers)
            return .directRead(
                IORange(
                    buffer: index, at: try fields[.at]?.integer() ?? KeyTable.WriteArgument.defaultAt,
                    blocks: try fields[.blocks]?.integer() ?? buffers[index].blocks))
        }
    }

    /// The range of a write: `{from: BUFFER, at: L, blocks: N}`; `at` is 0 and `blocks` the buffer's
    /// length unless given.
    static func range(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> IORange {
        let fields = try reader.fields(KeyTable.WriteArgument.self)
        let from = try fields.required(.from, hint: "name the buffer to write from")
        let index = try bufferIndex(from, buffers: buffers)
        return IORange(
            buffer: index, at: try fields[.at]?.integer() ?? KeyTable.WriteArgument.defaultAt,
            blocks: try fields[.blocks]?.integer() ?? buffers[index].blocks)
    }

    /// A mutator: `{target: BUFFER or page-cache, budget: N}`.
    static func mutator(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> Scenario.Actor.Role {
        let fields = try reader.fields(KeyTable.Mutator.self)
        let target = try fields.required(.target, hint: "name a buffer or \(pageCacheTarget)")
        let mutationTarget: MutationTarget
        if try target.string() == pageCacheTarget {
            mutationTarget = .pageCache
        } else {
            mutationTarget = .buffer(try bufferIndex(target, buffers: buffers, orPageCache: true))
        }
        return .mutator(target: mutationTarget, budget: try fields[.budget]?.integer() ?? KeyTable.Mutator.defaultBudget)
    }

    /// The index of the buffer that `reader` names, or an error listing the buffers.
    static func bufferIndex(
        _ reader: NodeReader, buffers: [Buffer], orPageCache: Bool = false
    ) throws(ModelFileError) -> Int {
        let name = try reader.string()
        guard let index = buffers.firstIndex(where: { $0.name == name }) else {
            let names = buffers.isEmpty ? "none" : buffers.map(\.name).joined(separator: ", ")
            let alternative = orPageCache ? "; or \(pageCacheTarget)" : ""
            throw reader.error("unknown buffer \(MessageValue.quoted(name)) (buffers: \(names)\(alternative))")
        }
        return index
    }
}
