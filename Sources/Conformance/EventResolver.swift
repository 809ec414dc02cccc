@_spi(Search) internal import Extent

/// Reads a log's events in a model's terms: actors by their number among the model's writers,
/// mutators and readers, a mutator's block and word as the word it changes. Every event that names
/// what the model does not have is an error at its line.
struct EventResolver {
    let scenario: Scenario
    let path: String
    private var writers: [String: Int] = [:]
    private var mutators: [String: (index: Int, target: MutationTarget)] = [:]
    private var readers: [String: Int] = [:]

    init(scenario: Scenario, path: String) {
        self.scenario = scenario
        self.path = path
        for actor in scenario.actors {
            switch actor.role {
            case .writer: writers[actor.name] = writers.count
            case .mutator(let target, _): mutators[actor.name] = (mutators.count, target)
            case .reader: readers[actor.name] = readers.count
            case .scrubber: break
            }
        }
    }

    /// The event in the model's terms.
    func resolve(_ event: LoggedEvent) throws(EventLogError) -> ObservedEvent {
        switch event.kind {
        case .directWrite: .call(writer: try actor(event, among: writers, "writer"), .directWrite)
        case .write: .call(writer: try actor(event, among: writers, "writer"), .write)
        case .fsync: .call(writer: try actor(event, among: writers, "writer"), .fsync)
        case .returned:
            .returned(writer: try actor(event, among: writers, "writer"), failed: try result(of: event, failure: .error))
        case .mutate: try mutation(event)
        case .read: .readCall(reader: try actor(event, among: readers, "reader"), direct: false)
        case .directRead: .readCall(reader: try actor(event, among: readers, "reader"), direct: true)
        case .readReturned:
            .readReturned(reader: try actor(event, among: readers, "reader"), failed: try result(of: event, failure: .eio))
        case .directSubmission: .directSubmission
        case .writeback: .writeback(block: try number("block", of: event, below: scenario.geometry.blocks, "the file's blocks"))
        case .checksum: .checksum
        case .complete: .complete
        case .crash: .crash
        }
    }

    private func actor(_ event: LoggedEvent, among actors: [String: Int], _ role: String) throws(EventLogError) -> Int {
        guard let name = event.actor else { throw error(event, key: "actor", "missing: a \(event.kind.rawValue) names its \(role)") }
        guard let index = actors[name] else {
            let known = actors.sorted { $0.value < $1.value }.map(\.key)
            throw error(
                event, key: "actor",
                "'\(name)' is not a \(role) of model \(scenario.name) (\(role)s: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        }
        return index
    }

    private func result(of event: LoggedEvent, failure: CallResult) throws(EventLogError) -> Bool {
        switch event.result {
        case .ok: return false
        case failure: return true
        case let other?: throw error(event, key: "result", "expected ok or \(failure.rawValue), found '\(other.rawValue)'")
        case nil: throw error(event, key: "result", "missing")
        }
    }

    private func mutation(_ event: LoggedEvent) throws(EventLogError) -> ObservedEvent {
        let index = try actor(event, among: mutators.mapValues(\.index), "mutator")
        let target = mutators.values.first { $0.index == index }!.target
        let words = scenario.geometry.blockWords
        let word = try number("word", of: event, below: words, "a block's words")
        switch target {
        case .buffer(let buffer):
            let blocks = scenario.buffers[buffer].blocks
            let block = try number("block", of: event, below: blocks, "the blocks of buffer \(scenario.buffers[buffer].name)")
            return .mutate(mutator: index, location: .buffer(buffer, word: block * words + word))
        case .pageCache:
            let block = try number("block", of: event, below: scenario.geometry.blocks, "the file's blocks")
            return .mutate(mutator: index, location: .folio(block: block, word: word))
        }
    }

    private func number(_ key: String, of event: LoggedEvent, below limit: Int, _ what: String) throws(EventLogError) -> Int {
        let value = key == "word" ? event.word : event.block
        guard let value else { throw error(event, key: key, "missing") }
        guard (0..<limit).contains(value) else { throw error(event, key: key, "\(value) is not among \(what) (0 through \(limit - 1))") }
        return value
    }

    private func error(_ event: LoggedEvent, key: String, _ message: String) -> EventLogError {
        EventLogError(path: path, line: event.line, key: key, message: message)
    }
}
