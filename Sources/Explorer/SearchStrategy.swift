/// The order in which the checker visits states.
public enum SearchStrategy: String, Hashable, Sendable, CaseIterable {
    /// Breadth-first: every counterexample found is a shortest one.
    case breadthFirst = "bfs"
    /// Depth-first: reaches deep states early; counterexamples need not be shortest.
    case depthFirst = "dfs"
}
