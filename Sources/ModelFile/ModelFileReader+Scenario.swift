internal import Extent

extension ModelFileReader {
    /// The name of the mutator target that stands for the page cache; no buffer may take it.
    static let pageCacheTarget = MutationTarget.pageCacheName

    /// The scenario that the document `root` describes.
    static func scenario(from root: NodeReader) throws(ModelFileError) -> Scenario {
        guard case .mapping = root.node else {
            throw root.error("expected a mapping of model keys at the top level, found \(root.found)")
        }
        let fields = try root.fields(KeyTable.Model.self)
        var scenario = Scenario(name: defaultName(forPath: root.path))
        if let name = fields[.name] {
            scenario.name = try name.string()
            try validate(scenario.validateName, at: { _ in name })
        }
        if let about = fields[.about] {
            scenario.about = try about.string().trimmingTrailingWhitespace()
        }
        scenario.geometry = try geometry(from: fields)
        try validate(scenario.validateGeometry, at: { error in geometryKeys[error.field].flatMap { fields[$0] } ?? root })
        if let checksum = fields[.checksum] {
            scenario.checksum = try checksum.choice(ChecksumKind.self, what: KeyTable.Model.checksum.rawValue)
        }
        if let buffers = fields[.buffers] {
            scenario.buffers = try self.buffers(from: buffers)
            try validate(scenario.validateBuffers, at: { error throws(ModelFileError) in try bufferNode(of: error, in: buffers) })
        }
        if let data = fields[.data] {
            let text = try data.string()
            do {
                scenario.data = try DataMode(parsing: text)
            } catch {
                throw data.error(error.description)
            }
            try validate(scenario.validateData, at: { _ in data })
        }
        if let actors = fields[.actors] {
            scenario.actors = try self.actors(from: actors, buffers: scenario.buffers, fileBlocks: scenario.geometry.blocks)
            try validate(scenario.validateActors, at: { error throws(ModelFileError) in try actorNode(of: error, in: actors) })
        }
        if let crashes = fields[.crashes] {
            scenario.crashes = try crashes.integer()
            try validate(scenario.validateCrashes, at: { _ in crashes })
        }
        if let policies = fields[.policies] {
            scenario.policies = try self.policies(from: policies)
            try validate(scenario.validatePolicies, at: { error throws(ModelFileError) in try policyNode(of: error, in: policies) })
        }
        scenario.invariants = ExtentProperty.builtIn(for: scenario.actors)
        if let invariants = fields[.invariants] {
            scenario.invariants = try self.invariants(from: invariants)
            try validate(scenario.validateInvariants, at: { error throws(ModelFileError) in try elementNode(of: error, in: invariants) })
        }
        if let expect = fields[.expect] {
            scenario.expectations = try expectations(from: expect, invariants: scenario.invariants)
            try validate(scenario.validateExpectations, at: { error throws(ModelFileError) in try expectationNode(of: error, in: expect) })
        }
        return scenario
    }

    /// The file's base name without its extension: `Models/qemu.yaml` names `qemu`.
    static func defaultName(forPath path: String) -> String {
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return String(base) }
        return String(base[..<dot])
    }

    /// The geometry from `blocks`, `block-words`, `word-bits` and `mirrors`; its sizes are checked by
    /// `Scenario.validate()`.
    static func geometry(from fields: NodeReader.Fields<KeyTable.Model>) throws(ModelFileError) -> Geometry {
        var geometry = Geometry()
        if let blocks = fields[.blocks] { geometry.blocks = try blocks.integer() }
        if let blockWords = fields[.blockWords] { geometry.blockWords = try blockWords.integer() }
        if let wordBits = fields[.wordBits] { geometry.wordBits = try wordBits.integer() }
        if let mirrors = fields[.mirrors] { geometry.mirrors = try mirrors.integer() }
        return geometry
    }

    /// The buffers, in file order, from a mapping of name to length in blocks; names and lengths are
    /// checked by `Scenario.validate()`.
    static func buffers(from reader: NodeReader) throws(ModelFileError) -> [Buffer] {
        var buffers: [Buffer] = []
        for entry in try reader.entries() {
            // A name that cannot be a buffer's is the error, whatever its length.
            if let fault = Buffer.fault(name: entry.name) { throw entry.keyReader.error(fault.problem) }
            buffers.append(Buffer(name: entry.name, blocks: try entry.value.integer()))
        }
        return buffers
    }
}

extension String {
    /// The string without the spaces and newlines at its end (a folded `about: >` ends in one).
    fileprivate func trimmingTrailingWhitespace() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
