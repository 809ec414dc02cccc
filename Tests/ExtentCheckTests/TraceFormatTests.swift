import ExtentCheck
import Foundation
import Testing

/// Every violation of every bundled model, written as JSON and as ITF, read back and replayed; and
/// changed, to see the replay say where.
@Suite("trace files and replay")
struct TraceFormatTests {
    private func documents(of file: String) throws -> (scenario: Scenario, documents: [TraceDocument]) {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        let report = try ExtentChecker().check(file: file)
        return (scenario, report.traceDocuments)
    }

    /// `document` written in `format` to a temporary file, and loaded back.
    private func roundTrip(_ document: TraceDocument, _ format: TraceDocument.FileFormat) throws -> TraceDocument {
        let directory = try scratchDirectory("trace")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(document.fileName(format)).path
        try document.text(in: format).write(toFile: path, atomically: true, encoding: .utf8)
        return try TraceDocument.load(contentsOf: path)
    }

    @Test("every violation round-trips through JSON and ITF to the same violation", arguments: PackagePaths.modelFiles)
    func everyTraceRoundTrips(file: String) throws {
        let (scenario, documents) = try documents(of: file)
        for document in documents {
            let json = try roundTrip(document, .json)
            #expect(json == document, "\(document.fileName(.json)) reads back as written")
            let itf = try roundTrip(document, .itf)
            #expect(itf.trace.states == document.trace.states && itf.trace.steps.map(\.step) == document.trace.steps.map(\.step))
            #expect(itf.trace.steps.map(\.action) == document.trace.steps.map(\.action))
            for (format, read) in [("JSON", json), ("ITF", itf)] {
                let replay = try ExtentChecker().replay(read, on: scenario)
                #expect(
                    replay.outcome == .reproduced(steps: document.trace.steps.count, conclusion: document.trace.conclusion),
                    "\(format) \(document.fileName(.json))")
                #expect(replay.status == .asExpected && !replay.modelChanged, "\(format) \(document.fileName(.json))")
            }
        }
    }

    @Test("a trace with a changed step or value diverges where it was changed", arguments: PackagePaths.modelFiles)
    func tamperedTracesDiverge(file: String) throws {
        let (scenario, documents) = try documents(of: file)
        for document in documents {
            let name = document.fileName(.json)
            // A step that no actor can take, in the middle of the trace: its action by another actor.
            var moved = document
            let middle = (moved.trace.steps.count + 1) / 2
            moved.trace.steps[middle - 1].action.actor += " twice"
            moved.trace.steps[middle - 1].actor += " twice"
            guard case .diverged(let step, let reason) = try ExtentChecker().replay(moved, on: scenario).outcome else {
                Issue.record("\(name): a step \(middle) by no actor reproduced")
                continue
            }
            #expect(step == middle && reason.contains("is not enabled here"), "\(name): \(step): \(reason)")

            // Every step's text changed: replay goes by the actions, so the trace still reproduces.
            var reworded = document
            for index in reworded.trace.steps.indices { reworded.trace.steps[index].step += " twice" }
            #expect(
                try ExtentChecker().replay(reworded, on: scenario).outcome
                    == .reproduced(steps: document.trace.steps.count, conclusion: document.trace.conclusion), "\(name)")

            // A word of the stored file, changed in the last state only.
            var changed = document
            let last = changed.trace.states.count - 1
            let stored: TraceValue = try #require(changingFirstStoredWord(of: changed.trace.states[last]["stored"]))
            changed.trace.states[last]["stored"] = stored
            guard case .diverged(let at, let why) = try ExtentChecker().replay(changed, on: scenario).outcome else {
                Issue.record("\(name): a changed stored word in the last state reproduced")
                continue
            }
            #expect(at == last && why.hasPrefix("the state differs: stored.0.mirrors.0.0 is "), "\(name): \(at): \(why)")
            // Diverging is what a model that expects the violation does not expect.
            #expect(try ExtentChecker().replay(changed, on: scenario).status == .unexpected, "\(name)")
        }
    }

    @Test("every violation's Mermaid diagram parses back into its lanes, its steps and the shaded last step",
        arguments: PackagePaths.modelFiles)
    func everyDiagramParsesBack(file: String) throws {
        for document in try documents(of: file).documents {
            let diagram = try #require(SequenceDiagram(parsing: MermaidWriter().render(document)), "\(document.fileName(.mermaid))")
            let steps = document.trace.steps
            var actors: [String] = []
            for step in steps where !actors.contains(step.actor) && !["kernel", "device"].contains(step.actor) {
                actors.append(step.actor)
            }
            #expect(diagram.lanes == actors + ["kernel", "device", "disk"], "\(document.fileName(.mermaid))")
            #expect(diagram.messages.map(\.from) == steps.map(\.actor), "\(document.fileName(.mermaid))")
            #expect(diagram.messages.map(\.text) == steps.map { "\($0.number). \($0.step)" }, "\(document.fileName(.mermaid))")
            #expect(diagram.shaded == [steps.count], "\(document.fileName(.mermaid))")
            // A failed `complete` of a writer's bio sends its error back to that writer; a stored one to the disk.
            for (step, message) in zip(steps, diagram.messages) where step.action.kind == .complete {
                let writer = actors.first { "bio \($0)" == step.action.bio }
                let expected = step.action.fails == true ? writer ?? "kernel" : "disk"
                #expect(message.to == expected, "\(document.fileName(.mermaid)) step \(step.number)")
            }
        }
    }

    @Test("a replay judges the property as the checker knows it, whatever kind the file claims")
    func theFilesKindIsNotTrusted() throws {
        let (scenario, documents) = try documents(of: CLITests.qemu)
        var document = try #require(documents.first { $0.property == "csum-matches-data" })
        document.kind = .sometimes
        let replay = try ExtentChecker().replay(document, on: scenario)
        #expect(replay.kind == .always)
        #expect(replay.status == .asExpected)
    }

    @Test("a model named at length still gets trace files it can write and read back, one per name")
    func longNamesMakeShortFileNames() throws {
        let (_, documents) = try documents(of: CLITests.qemu)
        var document = try #require(documents.first)
        var names = Set<String>()
        for tail in ["a", "b"] {
            document.model = String(repeating: "ü", count: 150) + tail
            for format in TraceDocument.FileFormat.allCases {
                let name = document.fileName(format)
                #expect(name.utf8.count <= 255 && !name.contains("/"), "\(name)")
                names.insert(name)
            }
            #expect(try roundTrip(document, .json).model == document.model)
        }
        #expect(names.count == 6)
    }

    @Test("ITF traces follow the format's rules")
    func itfFollowsTheRules() throws {
        let (_, documents) = try documents(of: "Models/dio-checks.yaml")
        #expect(!documents.isEmpty)
        // The rule's check finds what it looks for.
        #expect(
            try bareNumbers(in: ##"{"a": [true, {"#bigint": "12"}, 3], "b": {"#bigint": 4}, "#meta": {"index": 1}}"##)
                == [".a.2", ".b"])
        for document in documents {
            let text = try document.text(in: .itf)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let meta = try #require(object["#meta"] as? [String: Any])
            #expect(meta["format"] as? String == "ITF")
            let vars = try #require(object["vars"] as? [String])
            #expect(vars == ["writers", "mutators", "buffers", "folios", "bios", "stored", "readers", "scrubbers", "crashes"])
            let states = try #require(object["states"] as? [[String: Any]])
            #expect(states.count == document.trace.steps.count + 1)
            for (index, state) in states.enumerated() {
                #expect(Set(state.keys) == Set(vars + ["#meta"]), "state \(index) holds every variable and #meta")
                let stateMeta = try #require(state["#meta"] as? [String: Any])
                #expect(stateMeta["index"] as? Int == index, "a plain integer, as ADR-015 and Quint write it")
                if index > 0 {
                    #expect(stateMeta["step"] as? String == document.trace.steps[index - 1].step)
                    #expect(stateMeta["actor"] as? String == document.trace.steps[index - 1].actor)
                    let action = try #require(stateMeta["action"] as? [String: Any])
                    #expect(action["kind"] as? String == document.trace.steps[index - 1].action.kind.rawValue)
                }
            }
            let varTypes = try #require(meta["varTypes"] as? [String: String])
            #expect(Set(varTypes.keys) == Set(vars), "a type for every variable")
            #expect(meta["modelDigest"] as? String == document.modelDigest && meta["model-digest"] == nil, "camelCase keys")
            let bare = try bareNumbers(in: text)
            #expect(bare.isEmpty, "no bare JSON numbers in the states: \(bare)")
        }
    }

    /// The paths of bare JSON numbers outside `#meta` (ITF writes integers `{"#bigint": "…"}`), and of
    /// `#bigint`s that are not digits.
    private func bareNumbers(in text: String) throws -> [String] {
        func paths(_ shape: JSONShape, _ path: String) -> [String] {
            switch shape {
            case .number: return [path]
            case .array(let items): return items.enumerated().flatMap { paths($0.element, path + ".\($0.offset)") }
            case .object(let fields):
                if let digits = fields["#bigint"] {
                    guard fields.count == 1, case .string(let text) = digits, !text.isEmpty, text.allSatisfy(\.isNumber)
                    else { return [path] }
                    return []
                }
                return fields.filter { $0.key != "#meta" }.flatMap { paths($0.value, path + "." + $0.key) }
            case .bool, .string: return []
            }
        }
        return paths(try JSONDecoder().decode(JSONShape.self, from: Data(text.utf8)), "").sorted()
    }

    /// `state` with the first word of mirror 0 of stored block 0 changed in its lowest bit.
    private func changingFirstStoredWord(of stored: TraceValue?) -> TraceValue? {
        guard case .list(var blocks)? = stored, case .record(var block)? = blocks.first,
            case .list(var mirrors)? = block["mirrors"], case .list(var words)? = mirrors.first,
            case .integer(let word)? = words.first
        else { return nil }
        words[0] = .integer(word ^ 1)
        mirrors[0] = .list(words)
        block["mirrors"] = .list(mirrors)
        blocks[0] = .record(block)
        return .list(blocks)
    }
}

/// The shape of a JSON value, numbers told apart from booleans.
private indirect enum JSONShape: Decodable {
    case bool, number
    case string(String)
    case array([JSONShape])
    case object([String: JSONShape])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if (try? single.decode(Bool.self)) != nil {
            self = .bool
        } else if let text = try? single.decode(String.self) {
            self = .string(text)
        } else if (try? single.decode(Double.self)) != nil {
            self = .number
        } else if let items = try? single.decode([JSONShape].self) {
            self = .array(items)
        } else {
            self = .object(try single.decode([String: JSONShape].self))
        }
    }
}
