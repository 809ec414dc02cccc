/// The fixed text of a file a reproduction writes, read from the package's resources
/// (`Sources/Reproducer/Resources`), split at the one line where the part written from the model goes:
/// the line that would include that part were it a file of its own.
struct FixedText: Sendable {
    /// The text up to the include line, its newline included.
    let before: String
    /// The text after the include line.
    let after: String

    /// The C program: all of it but its opening comment and the model's definitions and tables,
    /// which go in place of `#include "reproduction.h"`.
    static let program = FixedText(
        resource: PackageResources.program_c, named: "program.c", includeLine: #"#include "reproduction.h""#)

    /// The runner: all of it but the model's part, which goes in place of `. ./reproduction.sh`.
    static let runner = FixedText(resource: PackageResources.run_sh, named: "run.sh", includeLine: ". ./reproduction.sh")

    /// The resource `named`, built into the binary as `resource`, split at its one line `includeLine`.
    /// A resource that is not UTF-8, or without that line once, is a fault of the package, not of
    /// the model: it stops (the tests read every resource).
    init(resource: [UInt8], named name: String, includeLine: String) {
        guard let text = String(validating: resource, as: UTF8.self)
        else { preconditionFailure("the Reproducer's resource \(name) is not UTF-8") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = lines.firstIndex(of: Substring(includeLine)), lines.lastIndex(of: Substring(includeLine)) == line
        else { preconditionFailure("the Reproducer's resource \(name) must have the line \(includeLine) once") }
        before = lines[..<line].map { $0 + "\n" }.joined()
        after = lines[(line + 1)...].joined(separator: "\n")
    }

    /// The text with `part` in place of the include line; `part` ends with its own newline.
    func including(_ part: String) -> String { before + part + after }
}
