public import Extent
public import ExtentCheck
internal import Foundation

/// What a fuzz run checked and found.
public struct FuzzReport: Sendable, Codable {
    /// The policy fuzzed.
    public var policy: String
    /// The properties each workload was checked for.
    public var invariants: [String]
    /// The bounds of the workloads.
    public var bounds: WorkloadBounds
    /// The crashes every workload was checked with (§10); nil for none.
    public var crashes: Int?
    /// Sampled (with its seed) or exhaustive.
    public var mode: Fuzzer.Mode
    /// Whether the run went on after a violation to decide every invariant.
    public var decidesEveryInvariant: Bool
    /// The swarm run this was, if it was one.
    public var swarm: SwarmMember?
    /// The share of an exhaustive run this was, if it was one.
    public var shard: SwarmMember?
    /// The reductions every search made (symmetry, por), when the run reduced; nil when it searched
    /// every workload alone, unreduced.
    public var reductions: [String]?
    /// The invariants no workload within the bounds can violate, each with the reason; never
    /// checked, and never said to hold.
    public var unreachable: [String: String]?
    /// The runs merged into this report: 1 but for `merged(_:)`'s.
    public var runs = 1
    /// The workloads checked before shrinking, the violating one included: one of each class of
    /// renamed workloads when the run reduced.
    public var workloads = 0
    /// How many workloads as written the workloads checked stand for, when the run reduced.
    public var standsFor: Int?
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
    /// Where the searches of the workloads checked went, summed over them, when the run was asked
    /// (`CheckOptions.coverage`); shrinking's searches are not counted.
    public var coverage: CoverageReport?

    /// The first violation found, if one was.
    public var finding: Finding? { findings.first }

    /// A violating workload, as found and as shrunk.
    public struct Finding: Sendable, Codable {
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

        /// Creates a finding.
        public init(
            property: String, workload: Int, shrinkSteps: Int, original: Workload, shrunk: Workload, scenario: Scenario,
            result: PropertyResult
        ) {
            self.property = property
            self.workload = workload
            self.shrinkSteps = shrinkSteps
            self.original = original
            self.shrunk = shrunk
            self.scenario = scenario
            self.result = result
        }

        private enum CodingKeys: String, CodingKey {
            case property, workload, shrinkSteps, original, shrunk, model, result
        }

        /// Decodes a finding; its scenario is read from the model file it carries.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            property = try container.decode(String.self, forKey: .property)
            workload = try container.decode(Int.self, forKey: .workload)
            shrinkSteps = try container.decode(Int.self, forKey: .shrinkSteps)
            original = try container.decode(Workload.self, forKey: .original)
            shrunk = try container.decode(Workload.self, forKey: .shrunk)
            scenario = try ModelFileReader.parse(container.decode(String.self, forKey: .model), path: "finding.yaml")
            result = try container.decode(PropertyResult.self, forKey: .result)
        }

        /// Encodes a finding, its scenario as the model file `check` loads.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(property, forKey: .property)
            try container.encode(workload, forKey: .workload)
            try container.encode(shrinkSteps, forKey: .shrinkSteps)
            try container.encode(original, forKey: .original)
            try container.encode(shrunk, forKey: .shrunk)
            try container.encode(try ModelFileWriter.yaml(for: scenario), forKey: .model)
            try container.encode(result, forKey: .result)
        }
    }

    /// The verdict in sentences, one per line: each violation found, then what holds: "holds for
    /// all N scenarios with …" (exhaustive), or "no violation of … in N scenarios" (sampled: not a
    /// proof), and each invariant the bounds cannot reach.
    public var verdict: String {
        let count = TextReporter.count
        var lines = findings.map { finding in
            "\(finding.property) violated under \(policy): scenario \(finding.workload) of the run, shrunk in "
                + "\(count(finding.shrinkSteps, "step"))"
        }
        let found = Set(findings.map(\.property))
        let unreachable = self.unreachable ?? [:]
        let rest = invariants.filter { !found.contains($0) && unreachable[$0] == nil }
        if decidesEveryInvariant || findings.isEmpty, !rest.isEmpty {
            let unknown = unknownWorkloads > 0 ? ", but \(count(unknownWorkloads, "scenario")) had unknown verdicts" : ""
            let scenarios = count(workloads, "scenario") + (standsFor.map { " up to renaming (\(count($0, "workload")) as written)" } ?? "")
            let share = shard.map { " of shard \($0)" } ?? ""
            switch mode {
            case .exhaustive where unknownWorkloads == 0:
                lines.append(
                    "\(rest.joined(separator: ", ")) \(rest.count == 1 ? "holds" : "hold") under \(policy) "
                        + "for all \(scenarios)\(share) with \(limits) (\(count(states, "state")))")
            case .exhaustive, .sample:
                lines.append(
                    "no violation of \(rest.joined(separator: ", ")) under \(policy) in \(scenarios)\(share) "
                        + "with \(limits) (\(count(states, "state")))\(unknown)")
            }
        }
        for invariant in invariants {
            if let reason = unreachable[invariant] { lines.append("\(invariant) not reachable within these bounds: \(reason)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The bounds in words, and the crashes where there are any.
    var limits: String {
        "\(bounds)" + (crashes.map { " and \(TextReporter.count($0, "crash"))" } ?? "")
    }
}

/// Progress of a fuzz run.
public enum FuzzProgress: Sendable {
    /// Another workload was checked, of `total` the run (or its shard) checks at most.
    case checked(workloads: Int, of: Int, states: Int)
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
    /// The journal at this path cannot be started, read or resumed, for this reason.
    case journal(String, String)

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
        case .journal(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
