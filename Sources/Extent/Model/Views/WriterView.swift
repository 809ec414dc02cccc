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
    /// What a writer waits for inside a `dio-write`.
    public enum Waiting: Hashable, Sendable {
        /// The `complete` of its direct or bounce bio.
        case bio
        /// Its fallen-back range to be written back: no folio of the file dirty or under writeback.
        case writeback
    }

    /// What the writer waits for inside a `dio-write`, or nil if it is not waiting.
    public var waitingFor: Waiting? {
        switch view.model.position(of: index, in: view.state).phase {
        case .ready, .stopped: nil
        case .awaitingBio: .bio
        case .awaitingWriteback: .writeback
        }
    }
    /// Whether a crash stopped the writer at `position`, before it finished its script (§10).
    public var isStopped: Bool { view.model.position(of: index, in: view.state).phase == .stopped }
    /// Whether the writer waits inside a `dio-write`.
    public var isWaiting: Bool { waitingFor != nil }
    /// The step at `position`, or nil once the writer has finished.
    public var currentStep: WriterStep? { isFinished ? nil : script[position] }
    /// The writer's direct or bounce bio, if one is in flight.
    public var bio: BioView? { view.bio(of: .writer(index)) }
}
