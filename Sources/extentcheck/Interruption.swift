import Dispatch
import ExtentCheck
import Foundation

/// Ctrl-C during a search. The first SIGINT sets the flag every search polls, as it polls its
/// timeout: the search stops, its figures so far are printed and its undecided verdicts are unknown
/// ("interrupted"), and the command exits with `ExitStatus.interrupted`. A second SIGINT ends the
/// process at once, with the same status.
enum Interruption {
    /// The flag the searches of this process poll; set by the first SIGINT once `install()` has run.
    static let cancellation = SearchCancellation()

    /// The signal source, kept alive for the life of the process.
    nonisolated(unsafe) private static var source: (any DispatchSourceSignal)?

    /// Whether a SIGINT has asked the searches to stop.
    static var happened: Bool { cancellation.isCancelled }

    /// Routes SIGINT to `cancellation` from now on. Commands that search call it before they begin;
    /// the others keep the default, which ends the process at once.
    static func install() {
        guard source == nil else { return }
        // The dispatch source sees the signal; the default action must not end the process first.
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            // Two signals close together may arrive as one event with a count of 2.
            if cancellation.isCancelled || source.data > 1 {
                FileHandle.standardError.write(Data("\ninterrupted again: quitting\n".utf8))
                _exit(ExitStatus.interrupted.rawValue)
            }
            cancellation.cancel()
            FileHandle.standardError.write(
                Data("\ninterrupted: stopping the search to print what it found; Ctrl-C again quits at once\n".utf8))
        }
        source.resume()
        Self.source = source
    }
}
