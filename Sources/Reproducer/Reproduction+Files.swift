internal import Foundation

extension Reproduction {
    /// Writes every file of the reproduction under `directory`, making it and its subdirectories
    /// as needed, and returns their paths in the order written. The runner is made executable.
    public func write(to directory: String, fstestsNumber: Int) throws -> [String] {
        let fstests = fstestsCase(number: fstestsNumber)
        let program = cProgram()
        let files: [(path: String, text: String, executable: Bool)] = [
            ("\(programName).c", program, false),
            ("run.sh", runnerScript(), true),
            ("fstests/tests/btrfs/\(fstests.name)", fstests.script, true),
            ("fstests/tests/btrfs/\(fstests.name).out", fstests.output, false),
            ("fstests/src/\(programName).c", program, false),
            ("\(swiftTestName).swift", swiftTest(), false),
        ]
        let manager = FileManager.default
        var written: [String] = []
        for file in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            if file.executable { try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            written.append(url.path)
        }
        return written
    }
}
