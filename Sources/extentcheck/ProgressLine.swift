import Foundation

/// Progress of a long run on standard error, at most one line every two seconds.
final class ProgressLine {
    private var last = ContinuousClock.now

    /// Writes `text` as a line if two seconds have passed since the last one, or `always`.
    func show(_ text: @autoclosure () -> String, always: Bool = false) {
        let now = ContinuousClock.now
        guard always || now - last >= .seconds(2) else { return }
        last = now
        FileHandle.standardError.write(Data((text() + "\n").utf8))
    }
}
