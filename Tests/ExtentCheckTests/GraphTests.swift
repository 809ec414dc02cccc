import ExtentCheck
import Foundation
import Testing

/// `extentcheck graph`: the seed's state graph with its counterexample marked.
@Suite struct GraphTests {
    private func diagram(_ policy: String, limit: Int = 200) throws -> StateDiagram {
        try ExtentChecker().graph(of: try ExtentChecker.loadModel(at: PackagePaths.absolute(CLITests.qemu)), policy: policy, limit: limit)
    }

    @Test func theSeedsGraphHasTheSearchsCountsAndTheCounterexampleMarked() throws {
        let graph = try diagram("dio-csum")
        // The check reports 19 states and 21 transitions for dio-csum.
        #expect(graph.nodes.count == 19 && graph.edges.count == 21)
        #expect(graph.nodes.filter(\.isInitial).map(\.number) == [0])
        let marked = graph.edges.filter(\.isOnCounterexample)
        #expect(marked.map(\.label) == [
            "qemu: dio-write guest-page at 0 len 1 (direct)", "kernel: csum bio qemu block 0",
            "guest-fs: mutate guest-page word 0", "device: dma bio qemu mirror 0 block 0", "kernel: complete bio qemu",
        ])
        // The marked steps form one path from the initial state to the state that violates.
        #expect(zip(marked, marked.dropFirst()).allSatisfy { $0.to == $1.from } && marked.first?.from == 0)
        let end = try #require(marked.last?.to)
        #expect(graph.nodes[end].violates == ["csum-matches-data"])
        #expect(graph.nodes.filter { !$0.violates.isEmpty }.count == 1)
        #expect(graph.nodes[end].lines.contains("stored block 0 csum: H(w1)"))
    }

    @Test func dotAndMermaidDrawEveryStateAndStep() throws {
        let graph = try diagram("dio-csum")
        let dot = graph.dot
        #expect(dot.hasPrefix("digraph \"qemu-cache-none under dio-csum\" {\n"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == 21)
        #expect(dot.components(separatedBy: "color=red, fontcolor=red").count - 1 == 5)
        let mermaid = graph.mermaid.split(separator: "\n")
        #expect(mermaid.first == "flowchart TD")
        #expect(mermaid.filter { $0.contains(" -->|") }.count == 21)
        let marked = graph.edges.indices.filter { graph.edges[$0].isOnCounterexample }.map(String.init).joined(separator: ",")
        #expect(mermaid.contains { $0 == "    linkStyle \(marked) stroke:#c00,stroke-width:2px" })
    }

    @Test func aPolicyThatHoldsMarksNothing() throws {
        let graph = try diagram("buffered-fallback")
        #expect(graph.nodes.count == 20 && graph.edges.count == 24)
        #expect(!graph.nodes.contains { $0.isOnCounterexample } && !graph.edges.contains { $0.isOnCounterexample })
    }

    @Test func aModelAboveTheLimitIsRefusedOnTheCommandLine() async throws {
        #expect(throws: CheckError.tooManyStates(model: "qemu-cache-none", policy: "dio-csum", limit: 18)) {
            try diagram("dio-csum", limit: 18)
        }
        let run = try await ExtentCheckTool.run(["graph", CLITests.qemu, "--policy", "dio-csum", "--max-states", "18"])
        #expect(run.status == 2, "\(run.transcript)")
        #expect(run.stderr.contains("reaches more than 18 states, too many to draw; raise --max-states"), "\(run.transcript)")
        let drawn = try await ExtentCheckTool.run(["graph", CLITests.qemu, "--policy", "dio-csum", "--format", "mermaid"])
        #expect(drawn.status == 0 && drawn.stdout.hasPrefix("flowchart TD\n"), "\(drawn.transcript)")
    }
}
