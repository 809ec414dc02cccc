internal import Extent

extension ModelFileReader {
    /// The keys a model file may give at the top level, in the order of `model-files.md`.
    static let topLevelKeys = [
        "name", "about", "blocks", "block-words", "word-bits", "mirrors", "checksum", "data",
        "buffers", "actors", "policies", "invariants", "expect",
    ]

    /// The name of the mutator target that stands for the page cache; no buffer may take it.
    static let pageCacheTarget = "page-cache"

    /// The scenario that the document `root` describes.
    static func scenario(from root: NodeReader) throws(ModelFileError) -> Scenario {
        guard case .mapping = root.node else {
            throw root.error("expected a mapping of model keys at the top level, found \(root.found)")
        }
        let fields = try root.fields(topLevelKeys)
        var scenario = Scenario(name: defaultName(forPath: root.path))
        if let name = fields["name"] {
            scenario.name = try name.string()
        }
        if let about = fields["about"] {
            scenario.about = try about.string().trimmingTrailingWhitespace()
        }
        scenario.geometry = try geometry(from: fields)
        if let checksum = fields["checksum"] {
            scenario.checksum = try checksum.choice(ChecksumKind.self, what: "checksum")
        }
        if let buffers = fields["buffers"] {
            scenario.buffers = try self.buffers(from: buffers)
        }
        if let data = fields["data"] {
            let text = try data.string()
            do {
                scenario.data = try DataMode(parsing: text)
            } catch {
                throw data.error(error.description)
            }
            if let problem = scenario.data.problem(for: scenario) { throw data.error(problem) }
        }
        if let actors = fields["actors"] {
            scenario.actors = try self.actors(
                from: actors, buffers: scenario.buffers, geometry: scenario.geometry)
        }
        if let policies = fields["policies"] {
            scenario.policies = try self.policies(from: policies)
        }
        if let invariants = fields["invariants"] {
            scenario.invariants = try self.invariants(from: invariants)
        }
        if let expect = fields["expect"] {
            scenario.expectations = try expectations(
                from: expect, policies: scenario.policies, invariants: scenario.invariants)
        }
        return scenario
    }

    /// The file's base name without its extension: `Models/qemu.yaml` names `qemu`.
    static func defaultName(forPath path: String) -> String {
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return String(base) }
        return String(base[..<dot])
    }

    /// The geometry from `blocks`, `block-words`, `word-bits` and `mirrors`.
    static func geometry(from fields: NodeReader.Fields) throws(ModelFileError) -> Geometry {
        var geometry = Geometry()
        if let blocks = fields["blocks"] {
            geometry.blocks = try blocks.integer(
                in: 1...Geometry.maximumBlocks, "blocks must be 1 through \(Geometry.maximumBlocks)")
        }
        if let blockWords = fields["block-words"] {
            geometry.blockWords = try blockWords.integer(
                in: 1...Geometry.maximumBlockWords,
                "block-words must be 1 through \(Geometry.maximumBlockWords)")
        }
        if let wordBits = fields["word-bits"] {
            geometry.wordBits = try wordBits.integer(in: 1...64, "word-bits must be 1 through 64")
        }
        if let mirrors = fields["mirrors"] {
            geometry.mirrors = try mirrors.integer(in: 1...2, "mirrors must be 1 or 2")
        }
        return geometry
    }

    /// The buffers, in file order, from a mapping of name to length in blocks.
    static func buffers(from reader: NodeReader) throws(ModelFileError) -> [Buffer] {
        var buffers: [Buffer] = []
        for entry in try reader.entries() {
            guard entry.name != pageCacheTarget else {
                throw entry.keyReader.error(
                    "'\(pageCacheTarget)' names the page cache as a mutator target; give the buffer another name")
            }
            let blocks = try entry.value.integer(
                in: 1...Geometry.maximumBlocks,
                "a buffer's length must be 1 through \(Geometry.maximumBlocks) blocks")
            buffers.append(Buffer(name: entry.name, blocks: blocks))
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
