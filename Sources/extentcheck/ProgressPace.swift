import Foundation

/// How fast a run that lists small work first gets through it lately: the work done over the last
/// minute. What is left of such a run is larger, so the time it gives is a least time.
final class ProgressPace {
    private var samples: [(seconds: Double, done: Int)] = []

    /// Records that `done` units were done after `seconds`, and returns the seconds the `left`
    /// units would take at the pace of the last minute (of all the run, if shorter); nil before any.
    func secondsLeft(done: Int, left: Int, after seconds: Double) -> Double? {
        samples.append((seconds, done))
        samples.removeAll { $0.seconds < seconds - 60 && samples.count > 2 }
        guard let first = samples.first, done > first.done else {
            return done > 0 ? seconds * Double(left) / Double(done) : nil
        }
        return (seconds - first.seconds) * Double(left) / Double(done - first.done)
    }
}
