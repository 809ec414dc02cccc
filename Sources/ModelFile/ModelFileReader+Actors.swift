internal import Extent

extension ModelFileReader {
    /// The roles an actor may take; it takes exactly one.
    static let actorRoles = ["writer", "mutator"]
    /// The steps a writer's script may hold.
    static let stepNames = ["fsync", "dio-write", "write"]
    /// The arguments of a `dio-write` or `write` step.
    static let writeArguments = ["from", "at", "blocks"]
    /// The keys of a mutator.
    static let mutatorKeys = ["target", "budget"]

    /// The actors, in file order, from a mapping of name to role; their ranges and budgets are
    /// checked against the scenario by `Scenario.validate()`.
    static func actors(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> [Scenario.Actor] {
        var actors: [Scenario.Actor] = []
        for entry in try reader.entries() {
            let role = try self.role(of: entry)
            switch role.name {
            case "writer":
                let steps = try role.value.elements().map { (step) throws(ModelFileError) in
                    try writerStep(from: step, buffers: buffers)
                }
                actors.append(Scenario.Actor(name: entry.name, role: .writer(steps)))
            default:
                actors.append(Scenario.Actor(name: entry.name, role: try mutator(from: role.value, buffers: buffers)))
            }
        }
        return actors
    }

    /// The one role an actor's entry gives: its key (writer or mutator) and its value.
    static func role(of entry: NodeReader.Entry) throws(ModelFileError) -> NodeReader.Entry {
        let roles = try entry.value.fields(actorRoles).entries
        guard let role = roles.first else {
            throw entry.value.error("actor \(MessageValue.quoted(entry.name)) needs a role: writer or mutator")
        }
        if roles.count > 1 {
            throw roles[1].keyReader.error("actor \(MessageValue.quoted(entry.name)) has both writer and mutator; give exactly one")
        }
        return role
    }

    /// One step of a writer's script: `fsync`, or `dio-write: {...}` / `write: {...}`.
    static func writerStep(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> WriterStep {
        if reader.isScalar {
            let name = try reader.string()
            switch name {
            case "fsync":
                return .fsync
            case "dio-write", "write":
                throw reader.error("\(name) needs its arguments, as in \(name): {from: BUFFER}")
            default:
                throw reader.error("unknown step \(MessageValue.quoted(name)); expected \(NodeReader.alternatives(stepNames))")
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
        switch step.name {
        case "dio-write":
            return .directWrite(try range(from: step.value, buffers: buffers))
        case "write":
            return .bufferedWrite(try range(from: step.value, buffers: buffers))
        case "fsync":
            throw step.keyReader.error("fsync takes no arguments; write it as '- fsync'")
        default:
            throw step.keyReader.error(
                "unknown step \(MessageValue.quoted(step.name)); expected \(NodeReader.alternatives(stepNames))")
        }
    }

    /// The range of a write: `{from: BUFFER, at: L, blocks: N}`; `at` is 0 and `blocks` the buffer's
    /// length unless given.
    static func range(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> IORange {
        let fields = try reader.fields(writeArguments)
        let from = try fields.required("from", hint: "name the buffer to write from")
        let index = try bufferIndex(from, buffers: buffers)
        return IORange(
            buffer: index, at: try fields["at"]?.integer() ?? 0, blocks: try fields["blocks"]?.integer() ?? buffers[index].blocks)
    }

    /// A mutator: `{target: BUFFER or page-cache, budget: N}`.
    static func mutator(from reader: NodeReader, buffers: [Buffer]) throws(ModelFileError) -> Scenario.Actor.Role {
        let fields = try reader.fields(mutatorKeys)
        let target = try fields.required("target", hint: "name a buffer or \(pageCacheTarget)")
        let mutationTarget: MutationTarget
        if try target.string() == pageCacheTarget {
            mutationTarget = .pageCache
        } else {
            mutationTarget = .buffer(try bufferIndex(target, buffers: buffers, orPageCache: true))
        }
        return .mutator(target: mutationTarget, budget: try fields["budget"]?.integer() ?? 1)
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
