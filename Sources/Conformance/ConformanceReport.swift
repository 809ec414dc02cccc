public import Extent

/// What `conform` found: for every policy checked, whether the model admits the logged run.
public struct ConformanceReport: Hashable, Sendable, Codable {
    /// The log's path.
    public var log: String
    /// The model file's path, when it was read from one.
    public var file: String?
    /// The model's name.
    public var model: String
    /// The kernel the log says the run was on.
    public var kernel: String?
    /// How the log was made, as its header says.
    public var recorder: String?
    /// The kinds of event the log records every time they happen.
    public var observes: [EventKind]
    /// The events the log holds, the end record aside.
    public var events: Int
    /// The runs of the model in the log: its distinct slots and passes.
    public var runs: Int
    /// The data mode the runs were searched in.
    public var data: String
    /// One result per policy, in the order they were asked for.
    public var policies: [PolicyConformance]

    /// The policies that admit every run of the log: those the kernel's behaviour is consistent with.
    public var admittingPolicies: [String]
}
