import ArgumentParser
import ExtentCheck
import Fuzzing
import Conformance
import Foundation

/// The one place where results and errors become exit codes.
enum ExitStatus {
    /// Every result is as expected.
    static let success = ExitCode.success
    /// Some verdict differs from the model's expectation.
    static let unexpected = ExitCode(1)
    /// A model file or the command line is wrong; nothing was checked.
    static let badInput = ExitCode(2)
    /// Some result is unknown, and none is unexpected.
    static let unknown = ExitCode(3)
    /// The check itself failed (Z3 reported an error, say): no verdict was reached.
    static let checkFailed = ExitCode(4)
    /// A search was interrupted (Ctrl-C, SIGINT): what it found so far was printed, the rest is unknown.
    /// 128 + SIGINT, as a shell reports a process a SIGINT ended, whatever the verdicts so far.
    static let interrupted = ExitCode(130)

    /// The exit code for the worst status among the results.
    static func code(for status: ResultStatus) -> ExitCode {
        switch status {
        case .asExpected, .noExpectation: success
        case .unexpected: unexpected
        case .unknown: unknown
        }
    }

    /// The exit code of a run whose results have `status`: `interrupted` if a SIGINT stopped it,
    /// whatever the results so far, else the results' code.
    static func code(for status: ResultStatus, interrupted: Bool) -> ExitCode {
        interrupted ? Self.interrupted : code(for: status)
    }

    /// Prints what went wrong and exits: 2 for a bad model file or scenario, bad options or usage
    /// (rather than ArgumentParser's 64), 4 for a check that failed, and as ArgumentParser
    /// decides for help and version.
    static func exit(for error: any Error) -> Never {
        switch error {
        case let error as ModelFileError:
            exitWithBadInput("error: \(error)")
        case let error as CheckError:
            exitWithBadInput("error: \(error)")
        case let error as ScenarioError:
            exitWithBadInput("error: \(error)")
        case let error as FuzzError:
            exitWithBadInput("error: \(error)")
        case let error as TraceFileError:
            exitWithBadInput("error: \(error)")
        case let error as CommandLineError:
            exitWithBadInput("error: \(error)")
        case let error as EventLogError:
            exitWithBadInput("error: \(error)")
        case let error as ExitCode:
            ExtentCheckCommand.exit(withError: error)
        default:
            switch ExtentCheckCommand.exitCode(for: error) {
            case .validationFailure: exitWithBadInput(ExtentCheckCommand.fullMessage(for: error))
            case .success: ExtentCheckCommand.exit(withError: error)  // --help, --version
            default: exit(checkFailed, "error: the check failed: \(error)")
            }
        }
    }

    private static func exitWithBadInput(_ message: String) -> Never {
        exit(badInput, message)
    }

    private static func exit(_ code: ExitCode, _ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        ExtentCheckCommand.exit(withError: code)
    }
}
