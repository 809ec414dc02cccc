/// A writer in one state: where it is in its script, and whether it waits inside a write.
public struct WriterView {
    let view: StateView
    /// The writer's index among the scenario's writers.
    public let index: Int

    /// The writer's name, as the scenario gives it.
    public var name: String { view.model.writers[index].name }
    /// The writer's script.
    public var script: [WriterStep] { view.model.writers[index].script }
    /// The index of the step the writer is at: the next to run, or the one it waits inside;
    /// `script.count` once it has finished.
    public var position: Int { view.model.position(of: index, in: view.state).step }
    /// Whether the writer has run every step of its script.
    public var isFinished: Bool { position == script.count }
    /// Whether the writer waits inside a `dio-write`: for its bio, or for its fallen-back range to be written back.
    public var isWaiting: Bool { view.model.position(of: index, in: view.state).phase != .ready }
    /// The step at `position`, or nil once the writer has finished.
    public var currentStep: WriterStep? { isFinished ? nil : script[position] }
    /// The writer's direct or bounce bio, if one is in flight.
    public var bio: BioView? { view.bio(of: .writer(index)) }
}
