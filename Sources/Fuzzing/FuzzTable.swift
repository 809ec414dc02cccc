public import Explorer

/// What a fuzz run of several policies decided: for every policy its report, and so for every
/// policy and invariant one cell of the table.
public struct FuzzTable: Sendable, Codable {
    /// One report per policy, in the run's order.
    public var reports: [FuzzReport]
    /// Whether the run reduced: renamed workloads checked once, searches shared by the policies a
    /// workload cannot tell apart, and reduced by symmetry and partial order.
    public var reduces: Bool
    /// The share of an exhaustive run this was, if it was one.
    public var shard: SwarmMember?
    /// The workloads the run (or its shard) lists, one per class when it reduced.
    public var workloads = 0
    /// The workloads checked.
    public var checked = 0
    /// The number in the run's order of the last workload checked: a resumed run goes on after it.
    public var checkedThrough = 0
    /// The searches made: one per workload and group of policies it cannot tell apart, and one per
    /// shrinking candidate not decided before.
    public var explorations = 0
    /// The states of all searches, each counted once however many policies it served.
    public var states = 0
    /// The time the run took, in seconds.
    public var seconds = 0.0
    /// The runs merged into this table: 1 but for `merged(_:)`'s.
    public var runs = 1

    /// A table of `reports`, nothing checked yet.
    public init(reports: [FuzzReport], reduces: Bool, shard: SwarmMember? = nil) {
        self.reports = reports
        self.reduces = reduces
        self.shard = shard
    }

    /// Whether the run ended by itself: every workload listed checked, or every cell decided before.
    /// A run interrupted, or stopped by a limit, has not.
    public var isFinished = false

    /// The cell of `policy` and `invariant`; nil if the table has no such row or column.
    public func cell(policy: String, invariant: String) -> FuzzCell? {
        guard let report = reports.first(where: { $0.policy == policy }), report.invariants.contains(invariant) else { return nil }
        let cell = report.cell(invariant)
        guard cell == .open, isFinished, report.decidesEveryInvariant || report.findings.isEmpty else { return cell }
        if case .exhaustive = report.mode, report.unknownWorkloads == 0 { return .holds }
        return .noViolation
    }
}

/// One cell of the policy × invariant table.
public enum FuzzCell: Hashable, Sendable {
    /// A workload violates the invariant under the policy; this one is the smallest found.
    case violated(Workload)
    /// Every workload within the bounds keeps it (an exhaustive run with no unknown verdict).
    case holds
    /// The workloads checked keep it, but they were sampled, or some verdict was unknown: no proof.
    case noViolation
    /// No workload within the bounds can violate it, for this reason.
    case unreachable(String)
    /// Not decided: the run stopped first (at its first violation, or interrupted).
    case open
}

extension FuzzReport {
    /// What this report alone says of `invariant`: violated, unreachable, or open.
    func cell(_ invariant: String) -> FuzzCell {
        if let finding = findings.first(where: { $0.property == invariant }) { return .violated(finding.shrunk) }
        if let reason = unreachable?[invariant] { return .unreachable(reason) }
        return .open
    }
}
