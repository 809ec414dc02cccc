public import Extent
public import ExtentCheck
internal import Foundation

/// What a fuzz run checked and found.
public struct FuzzReport: Sendable {
    /// The policy fuzzed.
    public var policy: String
    /// The properties each workload was checked for.
    public var invariants: [String]
    /// The bounds of the workloads.
    public var bounds: WorkloadBounds
    /// Sampled (with its seed) or exhaustive.
    public var mode: Fuzzer.Mode
    /// The workloads checked before shrinking, the violating one included.
    public var workloads = 0
    /// The workloads of which some verdict was unknown.
    public var unknownWorkloads = 0
    /// The states explored over all checks, shrinking's included.
    public var states = 0
    /// The candidates checked while shrinking.
    public var shrinkCandidates = 0
    /// The reductions taken while shrinking.
    public var shrinkSteps = 0
    /// The time the run took, in seconds.
    public var seconds = 0.0
    /// The violation found, if one was.
    public var finding: Finding?

    /// A violating workload, as found and as shrunk.
    public struct Finding: Sendable {
        /// The property violated.
        public var property: String
        /// The first workload found to violate it.
        public var original: Workload
        /// The workload it shrank to: none of its reductions violates the property.
        public var shrunk: Workload
        /// The shrunk workload as a scenario that expects the violation, ready to save as a model file.
        public var scenario: Scenario
        /// The property's result on the shrunk scenario, with its shortest counterexample.
        public var result: PropertyResult
    }

    /// The verdict in one sentence: "violated", "holds for all N workloads with …" (exhaustive), or
    /// "no violation in N workloads" (sampled: not a proof).
    public var verdict: String {
        let count = TextReporter.count
        if let finding {
            return "\(finding.property) violated under \(policy): scenario \(workloads) of the run, shrunk in "
                + "\(count(shrinkSteps, "step")) (\(count(shrinkCandidates, "candidate")) checked)"
        }
        let unknown = unknownWorkloads > 0 ? ", but \(count(unknownWorkloads, "scenario")) had unknown verdicts" : ""
        switch mode {
        case .exhaustive where unknownWorkloads == 0:
            return "\(invariants.joined(separator: ", ")) \(invariants.count == 1 ? "holds" : "hold") under \(policy) "
                + "for all \(count(workloads, "scenario")) with \(bounds) (\(count(states, "state")))"
        case .exhaustive, .sample:
            return "no violation under \(policy) in \(count(workloads, "scenario")) with \(bounds) "
                + "(\(count(states, "state")))\(unknown)"
        }
    }
}

/// Progress of a fuzz run.
public enum FuzzProgress: Sendable {
    /// Another workload was checked.
    case checked(workloads: Int, states: Int)
    /// Shrinking took a reduction; this is the workload now.
    case shrunk(to: Workload)
}

/// Bounds or modes a fuzz run cannot use.
public enum FuzzError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A bound or count out of range.
    case bounds(String)
    /// An exhaustive run over more workloads than its limit.
    case tooManyWorkloads(Double, limit: Int, bounds: WorkloadBounds)
    /// The shrunk workload's model file could not be written.
    case cannotSave(String, reason: String)

    /// The error in words.
    public var description: String {
        switch self {
        case .bounds(let problem):
            problem
        case .tooManyWorkloads(let count, let limit, let bounds):
            "\(String(format: "%.0f", count)) scenarios lie within \(bounds), more than the exhaustive limit "
                + "of \(limit); lower the bounds, raise --max-scenarios, or sample"
        case .cannotSave(let path, let reason):
            "cannot save the shrunk workload to \(path): \(reason)"
        }
    }
}
