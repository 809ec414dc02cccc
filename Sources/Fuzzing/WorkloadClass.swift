/// The workloads that are one workload renamed: its writers, readers or mutators in other orders.
/// They race alike, so one check of `workload` decides them all.
public struct WorkloadClass: Hashable, Sendable {
    /// The workload checked for the class: the first of them in the order the fuzzer lists workloads.
    public var workload: Workload
    /// How many workloads as written the class holds.
    public var orderings: Int

    /// A class of `orderings` workloads, checked as `workload`.
    public init(workload: Workload, orderings: Int) {
        self.workload = workload
        self.orderings = orderings
    }
}
