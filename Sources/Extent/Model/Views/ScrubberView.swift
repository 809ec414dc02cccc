/// A scrubber in one state (§9): how far its passes have come.
public struct ScrubberView {
    let view: StateView
    /// The scrubber's index among the scenario's scrubbers.
    public let index: Int

    var model: ExtentModel { view.model }
    var scrubbed: Int { Int(view.state[view.layout.scrubberPosition(index)]) }

    /// The scrubber's name, as the scenario gives it.
    public var name: String { model.scrubbers[index].name }
    /// The passes the scrubber makes over the file.
    public var passes: Int { model.scrubbers[index].passes }
    /// The passes it has finished.
    public var passesDone: Int { scrubbed / view.geometry.blocks }
    /// Whether it has made every pass.
    public var isFinished: Bool { passesDone == passes }
    /// The file block it scrubs next; nil once it has finished.
    public var block: Int? { isFinished ? nil : scrubbed % view.geometry.blocks }
}
