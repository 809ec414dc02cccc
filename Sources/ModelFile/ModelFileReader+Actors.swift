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

    /// The actors, in file order, from a mapping of name to role.
    static func actors(
        from reader: NodeReader, buffers: [Buffer], geometry: Geometry
    ) throws(ModelFileError) -> [Scenario.Actor] {
        var actors: [Scenario.Actor] = []
        for entry in try reader.entries() {
            let roles = try entry.value.fields(actorRoles).entries
            guard let role = roles.first else {
                throw entry.value.error("actor '\(entry.name)' needs a role: writer or mutator")
            }
            if roles.count > 1 {
                throw roles[1].keyReader.error(
                    "actor '\(entry.name)' has both writer and mutator; give exactly one")
            }
            switch role.name {
            case "writer":
                let steps = try role.value.elements().map { (step) throws(ModelFileError) in
                    try writerStep(from: step, buffers: buffers, geometry: geometry)
                }
                actors.append(Scenario.Actor(name: entry.name, role: .writer(steps)))
            default:
                actors.append(Scenario.Actor(name: entry.name, role: try mutator(from: role.value, buffers: buffers)))
            }
        }
        return actors
    }

    /// One step of a writer's script: `fsync`, or `dio-write: {...}` / `write: {...}`.
    static func writerStep(
        from reader: NodeReader, buffers: [Buffer], geometry: Geometry
    ) throws(ModelFileError) -> WriterStep {
        if reader.isScalar {
            let name = try reader.string()
            switch name {
            case "fsync":
                return .fsync
            case "dio-write", "write":
                throw reader.error("\(name) needs its arguments, as in \(name): {from: BUFFER}")
            default:
                throw reader.error("unknown step '\(name)'; expected \(NodeReader.alternatives(stepNames))")
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
            return .directWrite(try range(from: step.value, buffers: buffers, geometry: geometry))
        case "write":
            return .bufferedWrite(try range(from: step.value, buffers: buffers, geometry: geometry))
        case "fsync":
            throw step.keyReader.error("fsync takes no arguments; write it as '- fsync'")
        default:
            throw step.keyReader.error(
                "unknown step '\(step.name)'; expected \(NodeReader.alternatives(stepNames))")
        }
    }

    /// The range of a write: `{from: BUFFER, at: L, blocks: N}`, within the buffer and the file.
    static func range(
        from reader: NodeReader, buffers: [Buffer], geometry: Geometry
    ) throws(ModelFileError) -> IORange {
        let fields = try reader.fields(writeArguments)
        let from = try fields.required("from", hint: "name the buffer to write from")
        let index = try bufferIndex(from, buffers: buffers)
        let buffer = buffers[index]
        var at = 0
        if let reader = fields["at"] {
            at = try reader.integer(
                in: 0...(geometry.blocks - 1), "at must be a block of the file, 0 through \(geometry.blocks - 1)")
        }
        var blocks = buffer.blocks
        if let reader = fields["blocks"] {
            blocks = try reader.integer(in: 1..., "blocks must be 1 or more")
            guard blocks <= buffer.blocks else {
                throw reader.error(
                    "blocks \(blocks) is more than buffer '\(buffer.name)' holds"
                        + " (\(buffer.blocks) \(buffer.blocks == 1 ? "block" : "blocks"))")
            }
        }
        guard at + blocks <= geometry.blocks else {
            let culprit = fields["at"] ?? fields["blocks"] ?? reader
            throw culprit.error(
                "range \(at)..\(at + blocks - 1) is past the end of the file (blocks: \(geometry.blocks))")
        }
        return IORange(buffer: index, at: at, blocks: blocks)
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
        var budget = 1
        if let reader = fields["budget"] {
            budget = try reader.integer(in: 0...Scenario.Actor.maximumBudget, "budget must be 0 through \(Scenario.Actor.maximumBudget)")
        }
        return .mutator(target: mutationTarget, budget: budget)
    }

    /// The index of the buffer that `reader` names, or an error listing the buffers.
    static func bufferIndex(
        _ reader: NodeReader, buffers: [Buffer], orPageCache: Bool = false
    ) throws(ModelFileError) -> Int {
        let name = try reader.string()
        guard let index = buffers.firstIndex(where: { $0.name == name }) else {
            let names = buffers.isEmpty ? "none" : buffers.map(\.name).joined(separator: ", ")
            let alternative = orPageCache ? "; or \(pageCacheTarget)" : ""
            throw reader.error("unknown buffer '\(name)' (buffers: \(names)\(alternative))")
        }
        return index
    }
}
