/// Renders a trace as a Mermaid sequence diagram, which GitHub draws where Markdown holds it in a
/// `mermaid` block: a lane per actor in order of appearance, then kernel, device and disk; a message
/// per step, a note with the values it changed, the violating step shaded and the conclusion below.
///
/// Writers', the flusher's and their requests go to the kernel; `csum`, `dma` and `mutate` act in
/// their own lane; a `complete` goes to the disk, or for a failing one back to the bio's writer.
public struct MermaidWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The diagram of `document`'s trace.
    public func render(_ document: TraceDocument) -> String {
        let trace = document.trace
        var actors: [String] = []
        for step in trace.steps where !actors.contains(step.actor) && !Self.systemLanes.contains(step.actor) {
            actors.append(step.actor)
        }
        let lanes = actors + Self.systemLanes
        let id = Dictionary(uniqueKeysWithValues: lanes.enumerated().map { ($1, "L\($0)") })
        let span = "\(id[lanes[0]]!),\(id[lanes[lanes.count - 1]]!)"

        let heading = document.kind == .sometimes ? "example of" : "counterexample to"
        var lines = [
            "%%{init: {\"sequence\": {\"wrap\": true}}}%%",
            "sequenceDiagram",
            "    title \(Self.escape("\(heading) \(document.property) in \(document.model) under \(document.policy)"))",
        ]
        lines += lanes.map { "    participant \(id[$0]!) as \(Self.escape($0))" }
        let initial = trace.initial.filter { Self.showsValue($0.what, actors: actors) }
            .map { "\($0.what) = \($0.after ?? "")" }
        if !initial.isEmpty {
            lines.append("    Note over \(span): initial state<br/>" + initial.map(Self.escape).joined(separator: "<br/>"))
        }
        for step in trace.steps {
            let last = step.number == trace.steps.count
            if last { lines.append("    rect rgb(255, 228, 225)") }
            let (target, arrow) = Self.target(of: step, lanes: lanes)
            lines.append("    \(id[step.actor]!)\(arrow)\(id[target]!): \(step.number). \(Self.escape(step.step))")
            let changes = step.changes.filter { Self.showsValue($0.what, actors: actors) && $0.after != nil }.map { change in
                change.before.map { "\(change.what): \($0) → \(change.after!)" } ?? "\(change.what) = \(change.after!)"
            }
            if !changes.isEmpty {
                lines.append("    Note right of \(id[target]!): " + changes.map(Self.escape).joined(separator: "<br/>"))
            }
            if last { lines.append("    end") }
        }
        let mark = document.kind == .sometimes ? "✓" : "✗"
        var conclusion = ["\(mark) \(document.property): \(trace.conclusion)"]
        conclusion += trace.explanation.dropFirst().map { "· " + $0 }
        lines.append("    Note over \(span): " + conclusion.map(Self.escape).joined(separator: "<br/>"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diagram as Markdown: a heading naming the trace, then the diagram in a `mermaid` block.
    public func markdown(_ document: TraceDocument) -> String {
        "### \(document.model) · \(document.policy) · \(document.property)\n\n```mermaid\n\(render(document))```\n"
    }

    /// The lanes every diagram has, after the actors of its steps.
    static let systemLanes = ["kernel", "device", "disk"]

    /// Where a step's message goes, and with which arrow.
    private static func target(of step: Trace.Step, lanes: [String]) -> (lane: String, arrow: String) {
        switch step.action.kind {
        case .mutate, .csum, .dma: return (step.actor, "->>")
        case .complete:
            guard step.action.fails == true else { return ("disk", "->>") }
            // A failed `complete` of a writer's bio (`bio WRITER`): the error goes back to the writer.
            let owner = lanes.first { "bio \($0)" == step.action.bio }
            return (owner ?? "kernel", "--x")
        case .dioWrite, .write, .fsync, .writeback, .read, .check: return ("kernel", "->>")
        // The reader's device read and the scrub act on the stored copies.
        case .fetch, .repair, .scrub: return ("disk", "->>")
        // Power lost: what it drops and keeps is on the disk.
        case .crash: return ("disk", "-x")
        case .end: return ("kernel", step.action.fails == true ? "--x" : "->>")
        }
    }

    /// Whether a part's value goes in a note: data, checksums, bios and stored blocks; not a writer's
    /// place in its script or a mutator's budget, which the messages already tell.
    private static func showsValue(_ what: String, actors: [String]) -> Bool {
        !actors.contains(what) && !what.hasSuffix(" budget")
    }

    /// Text Mermaid shows as it is: `#` and `;` as entity codes, which its parser would otherwise read,
    /// backquotes, which start Markdown strings in some diagrams, as plain quotes, and line breaks as `<br/>`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "#": escaped += "#35;"
            case ";": escaped += "#59;"
            case "`": escaped += "'"
            case "\n": escaped += "<br/>"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
