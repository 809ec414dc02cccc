/// The reachable state graph of a small model under one policy, ready to draw: a node per state,
/// an edge per step, and the shortest counterexample of every violated property marked on it.
public struct StateDiagram: Hashable, Sendable {
    /// One state.
    public struct Node: Hashable, Sendable {
        /// The state's number, in breadth-first order from 0.
        public var number: Int
        /// The state part by part, one line each.
        public var lines: [String]
        /// Whether the search starts here.
        public var isInitial: Bool
        /// Whether no step can run here while a writer has not finished.
        public var isDeadlock: Bool
        /// The properties whose counterexample ends here.
        public var violates: [String]
        /// The `sometimes` properties whose example ends here.
        public var examples: [String]
        /// Whether a counterexample (or an example) passes through the state.
        public var isOnCounterexample: Bool

        /// What ends here, as a drawing's first line: `violates P, Q; example of R`; nil where nothing does.
        public var marks: String? {
            let parts = (violates.isEmpty ? [] : ["violates " + violates.joined(separator: ", ")])
                + (examples.isEmpty ? [] : ["example of " + examples.joined(separator: ", ")])
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// One step.
    public struct Edge: Hashable, Sendable {
        /// The number of the state it leaves.
        public var from: Int
        /// The number of the state it reaches.
        public var to: Int
        /// The step's actor and text, e.g. `kernel: csum bio qemu block 0`.
        public var label: String
        /// Whether a counterexample takes the step.
        public var isOnCounterexample: Bool
    }

    /// The model's name.
    public var model: String
    /// The policy.
    public var policy: String
    /// The states.
    public var nodes: [Node]
    /// The steps.
    public var edges: [Edge]
}
