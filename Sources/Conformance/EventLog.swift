public import Extent

/// A log of a real run: its header and its events, in order (docs/conformance.md).
public struct EventLog: Hashable, Sendable {
    /// The value of the header's `format`.
    public static let format = "extentcheck-events"
    /// The version of the format this reader reads.
    public static let version = 1
    /// The value of the last record's `event`: the recorder wrote everything.
    public static let endRecord = "end"

    /// The log's path, as the caller gave it, for messages.
    public var path: String
    /// The name of the model the run is of.
    public var model: String
    /// The kinds of event the recorder logs every time they happen.
    public var observes: [EventKind]
    /// The kernel the run was on (`uname -r`), if the header says.
    public var kernel: String?
    /// How the log was made, if the header says.
    public var recorder: String?
    /// The events, in the log's order; the end record is not one.
    public var events: [LoggedEvent]

    /// Creates a log.
    public init(
        path: String, model: String, observes: [EventKind], kernel: String? = nil, recorder: String? = nil,
        events: [LoggedEvent]
    ) {
        self.path = path
        self.model = model
        self.observes = observes
        self.kernel = kernel
        self.recorder = recorder
        self.events = events
    }
}
