internal import Foundation

extension StateDiagram {
    /// The graph in Graphviz's language: a box per state with its parts as lines, initial states bold,
    /// counterexamples in red and the states where they end filled, deadlocks outlined in orange.
    public var dot: String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = [
            "digraph \(quoted("\(model) under \(policy)")) {",
            "  node [shape=box, fontname=\"monospace\", fontsize=10];",
            "  edge [fontname=\"monospace\", fontsize=9];",
        ]
        for node in nodes {
            let label = ([node.marks].compactMap { $0 } + node.lines)
                .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\\l" }
                .joined()
            var styles: [String] = []
            if node.isInitial { styles.append("bold") }
            if node.marks != nil { styles.append("filled") }
            var attributes = ["label=\"\(label)\""]
            if !styles.isEmpty { attributes.append("style=\"\(styles.joined(separator: ","))\"") }
            if node.isDeadlock {
                attributes += ["color=orange", "penwidth=2"]
            } else if node.isOnCounterexample {
                attributes.append("color=red")
            }
            if node.marks != nil { attributes += ["fillcolor=\"#fde0dc\"", "penwidth=2"] }
            lines.append("  s\(node.number) [\(attributes.joined(separator: ", "))];")
        }
        for edge in edges {
            var attributes = ["label=\(quoted(edge.label))"]
            if edge.isOnCounterexample { attributes += ["color=red", "fontcolor=red", "penwidth=2"] }
            lines.append("  s\(edge.from) -> s\(edge.to) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The graph as a Mermaid flowchart, which GitHub draws: the same marks as `dot`.
    public var mermaid: String {
        func text(_ line: String) -> String { MermaidWriter.escape(line).replacingOccurrences(of: "\"", with: "#quot;") }
        var lines = ["flowchart TD"]
        for node in nodes {
            lines.append("    s\(node.number)[\"" + ([node.marks].compactMap { $0 } + node.lines).map(text).joined(separator: "<br/>") + "\"]")
        }
        for edge in edges {
            lines.append("    s\(edge.from) -->|\"\(text(edge.label))\"| s\(edge.to)")
        }
        lines.append("    classDef initial stroke-width:3px")
        lines.append("    classDef path stroke:#c00")
        lines.append("    classDef violation fill:#fde0dc,stroke:#c00,stroke-width:3px")
        lines.append("    classDef deadlock stroke:#e69500,stroke-width:3px")
        for (name, members) in [
            ("initial", nodes.filter(\.isInitial)), ("path", nodes.filter { $0.isOnCounterexample && $0.marks == nil }),
            ("violation", nodes.filter { $0.marks != nil }), ("deadlock", nodes.filter(\.isDeadlock)),
        ] where !members.isEmpty {
            lines.append("    class \(members.map { "s\($0.number)" }.joined(separator: ",")) \(name)")
        }
        let marked = edges.indices.filter { edges[$0].isOnCounterexample }
        if !marked.isEmpty {
            lines.append("    linkStyle \(marked.map(String.init).joined(separator: ",")) stroke:#c00,stroke-width:2px")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
