internal import Foundation

extension FuzzJournal {
    /// Starts the journal with the run's header, or reads it back into `table` and `open`: every
    /// violation it holds, and the counts of its last checkpoint. Throws `FuzzError.journal` for a
    /// journal that exists when starting, is missing or unreadable when resuming, or is of another run.
    func resume(_ table: inout FuzzTable, open: inout [[Bool]]) throws {
        let header = Self.header(of: table)
        guard resumes else {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw FuzzError.journal(path, "exists already: give --resume to go on with it, or remove it")
            }
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw FuzzError.journal(path, "cannot be created") }
            handle = FileHandle(forWritingAtPath: path)
            try write(Line(run: header))
            return
        }
        let lines = try readLines()
        guard let first = lines.first?.line.run else { throw FuzzError.journal(path, "line 1: not the start of a fuzz journal") }
        guard first == header else {
            throw FuzzError.journal(path, "line 1: the journal is of another run (policies, invariants, bounds, mode or reductions differ)")
        }
        for (number, line, _) in lines.dropFirst() {
            if let found = line.found {
                guard let row = table.reports.firstIndex(where: { $0.policy == found.policy }),
                    let column = table.reports[row].invariants.firstIndex(of: found.finding.property)
                else { throw FuzzError.journal(path, "line \(number): a violation of no cell of this run") }
                table.reports[row].findings.append(found.finding)
                open[row][column] = false
                if !table.reports[row].decidesEveryInvariant { open[row] = open[row].map { _ in false } }
            }
            if let checkpoint = line.checkpoint { apply(checkpoint, to: &table) }
        }
        handle = FileHandle(forWritingAtPath: path)
        // A line cut short by a stop mid-write is dropped, and the journal goes on after the last whole one.
        try handle?.truncate(atOffset: UInt64(lines.map { $0.length + 1 }.reduce(0, +)))
        try handle?.seekToEnd()
    }

    /// Writes a violation found under `policy`.
    func found(_ finding: FuzzReport.Finding, policy: String) throws {
        try write(Line(found: Found(policy: policy, finding: finding)))
    }

    /// Writes how far the run got, at most every two seconds, and always once it has finished.
    func checkpoint(_ table: FuzzTable, force: Bool = false) throws {
        guard force || ContinuousClock.now - lastCheckpoint >= .seconds(2) else { return }
        lastCheckpoint = ContinuousClock.now
        let counts = table.reports.map { report in
            Counts(
                workloads: report.workloads, standsFor: report.standsFor, unknownWorkloads: report.unknownWorkloads,
                states: report.states, shrinkCandidates: report.shrinkCandidates, shrinkSteps: report.shrinkSteps)
        }
        try write(
            Line(
                checkpoint: Checkpoint(
                    checkedThrough: table.checkedThrough, checked: table.checked, explorations: table.explorations,
                    states: table.states, seconds: table.seconds, policies: counts)))
    }

    private func write(_ line: Line) throws {
        guard let handle else { throw FuzzError.journal(path, "is not open for writing") }
        var data = try encoder.encode(line)
        data.append(0x0A)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw FuzzError.journal(path, "cannot be written: \(error.localizedDescription)")
        }
    }

    /// The journal's lines with their numbers; a last line cut short by a stop mid-write is dropped.
    private func readLines() throws -> [(number: Int, line: Line, length: Int)] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FuzzError.journal(path, "cannot be read") }
        // The last piece follows the last newline: empty, or a line cut short.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        return try lines.enumerated().map { index, bytes in
            do {
                return (index + 1, try JSONDecoder().decode(Line.self, from: Data(bytes)), bytes.count)
            } catch {
                throw FuzzError.journal(path, "line \(index + 1): not a line of a fuzz journal")
            }
        }
    }

    private func apply(_ checkpoint: Checkpoint, to table: inout FuzzTable) {
        table.checkedThrough = checkpoint.checkedThrough
        table.checked = checkpoint.checked
        table.explorations = checkpoint.explorations
        table.states = checkpoint.states
        table.seconds = checkpoint.seconds
        for (row, counts) in zip(table.reports.indices, checkpoint.policies) {
            table.reports[row].workloads = counts.workloads
            table.reports[row].standsFor = counts.standsFor
            table.reports[row].unknownWorkloads = counts.unknownWorkloads
            table.reports[row].states = counts.states
            table.reports[row].shrinkCandidates = counts.shrinkCandidates
            table.reports[row].shrinkSteps = counts.shrinkSteps
        }
    }

    private static func header(of table: FuzzTable) -> Header {
        let first = table.reports[0]
        return Header(
            policies: table.reports.map(\.policy), invariants: first.invariants, bounds: first.bounds, mode: first.mode,
            crashes: first.crashes, reductions: first.reductions, shard: table.shard,
            decidesEveryInvariant: first.decidesEveryInvariant)
    }
}
