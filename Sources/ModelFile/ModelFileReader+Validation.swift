internal import Extent

extension ModelFileReader {
    /// The model-file key of each field of the geometry.
    static let geometryKeys: [ScenarioError.Field: KeyTable.Model] = [
        .blocks: .blocks, .blockWords: .blockWords, .wordBits: .wordBits, .mirrors: .mirrors,
    ]

    /// Runs one stage of `Scenario.validate()` on what has been read so far, and throws its error at
    /// the node `locate` finds for it: the rules are the scenario's, the place the file's.
    static func validate(
        _ stage: () throws(ScenarioError) -> Void, at locate: (ScenarioError) throws(ModelFileError) -> NodeReader
    ) throws(ModelFileError) {
        do {
            try stage()
        } catch {
            throw try locate(error).error(error.problem)
        }
    }

    /// The node of a buffer's name or length, or `buffers` itself.
    static func bufferNode(of error: ScenarioError, in buffers: NodeReader) throws(ModelFileError) -> NodeReader {
        guard case .buffer(let index, _) = error.subject else { return buffers }
        let entry = try buffers.entries()[index]
        return error.field == .name ? entry.keyReader : entry.value
    }

    /// The node of an actor's field: its name, its role, a step of its script or a key of a step or mutator.
    static func actorNode(of error: ScenarioError, in actors: NodeReader) throws(ModelFileError) -> NodeReader {
        let index: Int
        switch error.subject {
        case .actor(let actor, _), .step(let actor, _, _): index = actor
        default: return actors
        }
        let entry = try actors.entries()[index]
        if error.field == .name { return entry.keyReader }
        let (role, value) = try self.role(of: entry)
        guard let step = error.step else {
            // A script as a whole, or a key of a mutator or a scrubber.
            guard case .mapping = value.node else { return value }
            switch role {
            case .mutator:
                let fields = try value.fields(KeyTable.Mutator.self)
                return (error.field == .target ? fields[.target] : fields[.budget]) ?? value
            case .scrubber:
                return try value.fields(KeyTable.Scrubber.self)[.passes] ?? value
            case .writer, .reader:
                return value
            }
        }
        let stepReader = try value.elements()[step]
        guard case .mapping = stepReader.node, let range = try stepReader.entries().first?.value else { return stepReader }
        switch role {
        case .reader:
            guard try stepReader.entries().first?.name == KeyTable.Read.dioRead.rawValue else {
                let fields = try range.fields(KeyTable.ReadArgument.self)
                return rangeNode(of: error.field, buffer: nil, at: fields[.at], blocks: fields[.blocks]) ?? range
            }
            let fields = try range.fields(KeyTable.DirectReadArgument.self)
            return rangeNode(of: error.field, buffer: fields[.into], at: fields[.at], blocks: fields[.blocks]) ?? range
        default:
            let fields = try range.fields(KeyTable.WriteArgument.self)
            return rangeNode(of: error.field, buffer: fields[.from], at: fields[.at], blocks: fields[.blocks]) ?? range
        }
    }

    /// The node of a range's field that `field` names, where the range gives it.
    private static func rangeNode(
        of field: ScenarioError.Field, buffer: NodeReader?, at: NodeReader?, blocks: NodeReader?
    ) -> NodeReader? {
        switch field {
        case .buffer: buffer
        // A range past the end of the file is where it starts, or else how long it is.
        case .at: at ?? blocks
        case .blocks: blocks
        default: nil
        }
    }

    /// The node of a policy, or of its name when the policy is a mapping; or `policies` itself.
    static func policyNode(of error: ScenarioError, in policies: NodeReader) throws(ModelFileError) -> NodeReader {
        guard case .policy(let index, _) = error.subject else { return policies }
        let item = try policies.elements()[index]
        guard case .mapping = item.node else { return item }
        return try item.fields(KeyTable.PolicyColumn.self)[.name] ?? item
    }

    /// The node of an item of `invariants`, or `invariants` itself.
    static func elementNode(of error: ScenarioError, in invariants: NodeReader) throws(ModelFileError) -> NodeReader {
        guard case .invariant(let index, _) = error.subject else { return invariants }
        return try invariants.elements()[index]
    }

    /// The key of the policy an expectation names, or `expect` itself.
    static func expectationNode(of error: ScenarioError, in expect: NodeReader) throws(ModelFileError) -> NodeReader {
        guard case .expectation(let policy, _) = error.subject,
            let entry = try expect.entries().first(where: { $0.name == policy })
        else { return expect }
        return entry.keyReader
    }
}
