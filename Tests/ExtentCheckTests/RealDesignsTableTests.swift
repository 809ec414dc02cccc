import ExtentCheck
import Foundation
import Testing

/// README's "Real designs" table: its column "what a read / a scrub returns" is the verdicts of the
/// row's model under the row's policy, with an O_DIRECT reader of every block (which the page cache
/// does not answer) and a scrubber added where the model has neither, never a cell written by hand.
@Suite struct RealDesignsTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var system: String
        var policy: String
        var model: String
        var cell: String
        var testDescription: String { "\(system): \(policy) on \(model)" }
    }

    /// The rows of README's table, each with the first policy and model its second column names.
    static let rows: [Row] = {
        guard let readme = try? String(contentsOfFile: PackagePaths.absolute("README.md"), encoding: .utf8),
            let start = readme.range(of: "| system, version | policy (model) |")
        else { return [] }
        let lines = readme[start.lowerBound...].split(separator: "\n").prefix { $0.hasPrefix("|") }.dropFirst(2)
        return lines.compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5, let policy = cells[2].firstMatch(of: /`([a-z0-9-]+)`/)?.1,
                let model = cells[2].firstMatch(of: /\(`([a-z0-9-]+)`/)?.1
            else { return nil }
            return Row(system: cells[1], policy: String(policy), model: String(model), cell: cells[4])
        }
    }()

    @Test func theTableHasItsRows() {
        #expect(Self.rows.count >= 15)
    }

    @Test(arguments: rows)
    func whatAReadAndAScrubReturnIsTheVerdicts(row: Row) throws {
        var scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/\(row.model).yaml"))
        if !scenario.actors.contains(where: \.readsBack) {
            let blocks = scenario.geometry.blocks
            scenario.buffers.append(Buffer(name: "read-back", blocks: blocks))
            let into = IORange(buffer: scenario.buffers.count - 1, at: 0, blocks: blocks)
            scenario.actors += [.reader("reader", [.directRead(into)]), .scrubber("scrubber", passes: 1)]
        }
        scenario.invariants = ExtentProperty.builtIn
        scenario.expectations = [:]
        let options = CheckOptions(policies: [row.policy], computesTraces: false)
        let report = try ExtentChecker(options: options).check(scenario)
        let verdicts = Dictionary(uniqueKeysWithValues: report.policies[0].results.map { ($0.property, $0.verdict) })
        let scrubbed = scenario.actors.contains { actor in
            if case .scrubber = actor.role { true } else { false }
        }
        #expect(row.cell == Self.cell(verdicts, scrubbed: scrubbed), "\(row.policy)")
    }

    /// The cell the verdicts give: what a read returns, then what a scrub reports.
    static func cell(_ verdicts: [String: Verdict], scrubbed: Bool) -> String {
        func violated(_ name: String) -> Bool { verdicts[name] == .violated }
        var read =
            violated("reads-succeed") ? "read: **EIO**"
            : violated("mirrors-agree") ? "read: one copy or the other" : "read: the data"
        if violated("no-false-alarm") { read += ", a **false alarm**" }
        guard scrubbed else { return read }
        let damaged = violated("csum-matches-data") || violated("mirrors-agree")
        let scrub = !damaged ? "scrub: clean" : violated("scrub-finds-damage") ? "scrub: **silent**" : "scrub: reports it"
        return "\(read); \(scrub)"
    }
}
