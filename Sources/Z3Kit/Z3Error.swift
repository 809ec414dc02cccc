internal import CZ3

/// A failure reported by Z3 (or by Z3Kit's own argument checks before calling Z3).
package struct Z3Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of failure, mirroring Z3's `Z3_error_code`.
    package enum Code: Int32, Equatable, Sendable {
        /// A term or sort of the wrong sort was given (for example, xor of an 8-bit and a 32-bit term).
        case sortError = 1
        /// An index was out of bounds.
        case indexOutOfBounds = 2
        /// An argument was invalid.
        case invalidArgument = 3
        /// A parser failed.
        case parserError = 4
        /// No parser was available.
        case noParser = 5
        /// A quantifier pattern was invalid.
        case invalidPattern = 6
        /// Z3 ran out of memory.
        case memoryOut = 7
        /// A file could not be accessed.
        case fileAccessError = 8
        /// Z3 hit an internal fatal error.
        case internalFatal = 9
        /// The API was used in an invalid way (for example, asking for a model after `unsat`).
        case invalidUsage = 10
        /// A reference count was decremented below zero.
        case decRefError = 11
        /// Z3 raised an internal exception (for example, it was canceled).
        case exception = 12
    }

    /// The kind of failure.
    package let code: Code
    /// Z3's message (or Z3Kit's) describing the failure.
    package let message: String

    /// An error of the given kind and message.
    package init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The code and message, for logs and test failures.
    package var description: String {
        "Z3Error.\(code): \(message)"
    }
}

extension Z3Error.Code {
    /// The Swift code for a Z3 error code; codes this version does not know become `.exception`.
    init(_ code: Z3_error_code) {
        self = Self(rawValue: Int32(bitPattern: code.rawValue)) ?? .exception
    }
}
