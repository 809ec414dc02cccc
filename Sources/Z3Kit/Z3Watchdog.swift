internal import CZ3
import Dispatch
import Foundation

/// Enforces a time budget on a Z3 check by interrupting its context from a timer thread.
///
/// Z3Kit keeps time itself instead of using Z3's `timeout` parameter: in libz3 4.8.12 that parameter
/// runs on a shared pool of timer threads that loses timers and deadlocks when several threads check
/// with timeouts at once (measured: two threads under CPU contention hung for good). `Z3_interrupt`
/// is the one Z3 call that may come from another thread.
final class Z3Watchdog: @unchecked Sendable {
    /// The context to interrupt; only touched while `armed`, when the checking thread keeps it alive.
    private let context: Z3_context
    /// Guards `armed` and `fired`, and makes an interrupt and the end of a check mutually exclusive.
    private let lock = NSLock()
    /// Whether a check is running under this watchdog.
    private var armed = false
    /// Whether the running (or last) check was interrupted.
    private var fired = false

    /// The queue running every watchdog's timers.
    private static let timerQueue = DispatchQueue(label: "Z3Kit.Z3Watchdog")
    /// How often a check that overran is interrupted again: an interrupt that lands just before Z3
    /// starts the check is forgotten, so one interrupt is not enough.
    private static let repeatInterval = DispatchTimeInterval.milliseconds(5)

    /// A watchdog for checks on `context`.
    init(context: Z3_context) {
        self.context = context
    }

    /// Runs `check` (a Z3 check on this watchdog's context), interrupting it once `milliseconds` have
    /// passed and then repeatedly until it returns; returns its value and whether it was interrupted.
    func run<Result>(milliseconds: UInt32, _ check: () -> Result) -> (result: Result, interrupted: Bool) {
        lock.withLock {
            armed = true
            fired = false
        }
        let timer = DispatchSource.makeTimerSource(queue: Self.timerQueue)
        timer.schedule(deadline: .now() + .milliseconds(Int(milliseconds)), repeating: Self.repeatInterval)
        timer.setEventHandler { [self] in
            lock.withLock {
                guard armed else { return }
                Z3_interrupt(context)
                fired = true
            }
        }
        timer.resume()
        let result = check()
        timer.cancel()
        let interrupted = lock.withLock {
            armed = false
            return fired
        }
        return (result, interrupted)
    }
}
