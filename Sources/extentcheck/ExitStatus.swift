import ArgumentParser
import ExtentCheck
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

    /// The exit code for the worst status among the results.
    static func code(for status: ResultStatus) -> ExitCode {
        switch status {
        case .asExpected: success
        case .unexpected: unexpected
        case .unknown: unknown
        }
    }

    /// Prints what went wrong and exits: 2 for a bad model file, bad options or usage
    /// (rather than ArgumentParser's 64), as ArgumentParser decides for help and version.
    static func exit(for error: any Error) -> Never {
        switch error {
        case let error as ModelFileError:
            exitWithBadInput("error: \(error)")
        case let error as CheckError:
            exitWithBadInput("error: \(error)")
        case let error as ExitCode:
            ExtentCheckCommand.exit(withError: error)
        default:
            guard ExtentCheckCommand.exitCode(for: error) == .validationFailure else {
                ExtentCheckCommand.exit(withError: error)
            }
            exitWithBadInput(ExtentCheckCommand.fullMessage(for: error))
        }
    }

    private static func exitWithBadInput(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        ExtentCheckCommand.exit(withError: badInput)
    }
}
