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

    /// `seconds` as a person reads a duration: "45 s", "12 min 05 s", "1 h 02 min".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        if hours > 0 { return String(format: "%d h %02d min", hours, minutes) }
        if minutes > 0 { return String(format: "%d min %02d s", minutes, rest) }
        return "\(rest) s"
    }
}
