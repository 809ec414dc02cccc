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
    /// Whether the run went on after a violation to decide every invariant.
    public var decidesEveryInvariant: Bool
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
    /// The violations found, shrunk: the first only, or the first of each invariant.
    public var findings: [Finding] = []

    /// The first violation found, if one was.
    public var finding: Finding? { findings.first }

    /// A violating workload, as found and as shrunk.
    public struct Finding: Sendable {
        /// The property violated.
        public var property: String
        /// The workload's number in the run, counting from 1.
        public var workload: Int
        /// The reductions shrinking took.
        public var shrinkSteps: Int
        /// The first workload found to violate it.
        public var original: Workload
        /// The workload it shrank to: none of its reductions violates the property.
        public var shrunk: Workload
        /// The shrunk workload as a scenario that expects the violation, ready to save as a model file.
        public var scenario: Scenario
        /// The property's result on the shrunk scenario, with its shortest counterexample.
        public var result: PropertyResult
    }

    /// The verdict in sentences, one per line: each violation found, then what holds: "holds for
    /// all N scenarios with …" (exhaustive), or "no violation of … in N scenarios" (sampled: not a proof).
    public var verdict: String {
        let count = TextReporter.count
        var lines = findings.map { finding in
            "\(finding.property) violated under \(policy): scenario \(finding.workload) of the run, shrunk in "
                + "\(count(finding.shrinkSteps, "step"))"
        }
        let found = Set(findings.map(\.property))
        let rest = invariants.filter { !found.contains($0) }
        guard decidesEveryInvariant || findings.isEmpty, !rest.isEmpty else { return lines.joined(separator: "\n") }
        let unknown = unknownWorkloads > 0 ? ", but \(count(unknownWorkloads, "scenario")) had unknown verdicts" : ""
        switch mode {
        case .exhaustive where unknownWorkloads == 0:
            lines.append(
                "\(rest.joined(separator: ", ")) \(rest.count == 1 ? "holds" : "hold") under \(policy) "
                    + "for all \(count(workloads, "scenario")) with \(bounds) (\(count(states, "state")))")
        case .exhaustive, .sample:
            lines.append(
                "no violation of \(rest.joined(separator: ", ")) under \(policy) in \(count(workloads, "scenario")) "
                    + "with \(bounds) (\(count(states, "state")))\(unknown)")
        }
        return lines.joined(separator: "\n")
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
