import ExtentCheck
import Foundation

/// Ctrl-C during a search. The first SIGINT sets the flag every search polls, as it polls its
/// timeout: the search stops, its figures so far are printed and its undecided verdicts are unknown
/// ("interrupted"), and the command exits with `ExitStatus.interrupted`. A second SIGINT ends the
/// process at once, with the same status.
enum Interruption {
    /// The flag the searches of this process poll; set by the first SIGINT once `install()` has run.
    static let cancellation = SearchCancellation()

    /// Whether a SIGINT has asked the searches to stop.
    static var happened: Bool { cancellation.isCancelled }

    /// Whether a run over `paths` stops after the one at `index`: a SIGINT came. The file being
    /// searched when it came is reported, as far as its search went; the files after it are not
    /// searched, and standard error names them ("not checked: ...", with `verb` "checked").
    static func stops(after index: Int, of paths: [String], verb: String) -> Bool {
        guard happened else { return false }
        if index + 1 < paths.count {
            let rest = paths[(index + 1)...].joined(separator: ", ")
            FileHandle.standardError.write(Data("interrupted: not \(verb): \(rest)\n".utf8))
        }
        return true
    }

    /// Routes SIGINT to `cancellation` from now on. Commands that search call it before they begin;
    /// the others keep the default, which ends the process at once.
    ///
    /// The handler is installed with `signal()`, in one step: no SIGINT is lost or ignored on the way,
    /// as one would be between ignoring the signal and a dispatch source starting to watch it. Only
    /// the calling thread's mask changes; whichever thread takes the signal, the handler only sets the flag.
    static func install() {
        _ = (cancellation, ExitStatus.interrupted)  // made now, not first in the handler
        signal(SIGINT, received)
        // A process started from a thread that blocks SIGINT (a dispatch worker's, say) inherits the
        // block, and would never see Ctrl-C: this thread, which runs the command, takes it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The SIGINT handler: only what is safe in one (an atomic store, `write`, `_exit`).
    private static let received: @convention(c) (Int32) -> Void = { _ in
        if cancellation.isCancelled {
            say("\ninterrupted again: quitting\n")
            _exit(ExitStatus.interrupted.rawValue)
        }
        cancellation.cancel()
        say("\ninterrupted: stopping the search to print what it found; Ctrl-C again quits at once\n")
    }

    /// Writes `text` to standard error without allocating.
    private static func say(_ text: StaticString) {
        _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
    }
}
