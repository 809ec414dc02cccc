import ArgumentParser
import ExtentCheck
import Foundation
import Fuzzing
import ModelFile

/// The JSON document of `fuzz --format json`.
struct FuzzDocument: Codable {
    var version: Int? = JSONReporter.version
    var fuzz: FuzzReport
}

/// The JSON document of `fuzz --table --format json`.
struct FuzzTableDocument: Codable {
    var version: Int? = JSONReporter.version
    var table: FuzzTable
}

/// The JSON document of `simulate --format json`, as `merge` reads it.
struct SimulationDocument: Decodable {
    var version: Int?
    var simulations: [SimulationReport]
}

extension ExtentCheckCommand {
    /// `extentcheck merge FILE...`: one report from the JSON results of a swarm's runs.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the JSON results of a swarm's fuzz or simulate runs into one report.",
            discussion: """
                Every file is the output of `fuzz --format json` or of `simulate --format json`, all of one \
                kind, from runs of one hunt (the same policy, invariants and bounds; or the same models). \
                Counts are summed; for every invariant the smallest shrunk workload, or the shortest shrunk \
                violation, of any run is kept.

                Exit status as for the merged command: for fuzz, 0 without a violation and 1 with one; for \
                simulate, as its findings compare with the models' expect. 2 for files that cannot be read \
                or do not belong together.
                """
        )

        @Argument(help: "JSON results to merge.")
        var files: [String]

        @Option(help: "Output format: text for people, json for tools.")
        var format: OutputFormat = .text

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one JSON result.") }
        }

        func run() throws {
            let documents = try files.map { path in
                do {
                    return (path, try InputFile.contents(atPath: path))
                } catch let error as InputFile.Problem {
                    throw CommandLineError.unreadable(path: path, reason: error.reason)
                }
            }
            try refuseEarlierVersions(documents)
            let decoder = JSONDecoder()
            if let tables = try? documents.map({ try decoder.decode(FuzzTableDocument.self, from: $0.1).table }) {
                return try mergeTables(tables)
            }
            if let fuzz = try? documents.map({ try decoder.decode(FuzzDocument.self, from: $0.1).fuzz }) {
                guard let merged = FuzzReport.merged(fuzz) else {
                    throw CommandLineError.unfit("the fuzz results are not of one hunt: policy, invariants, bounds or crashes differ")
                }
                switch format {
                case .text: print(merged.text, terminator: "")
                case .json: print(try JSONReporter().render(document: FuzzDocument(fuzz: merged)), terminator: "")
                }
                if !merged.findings.isEmpty { throw ExitStatus.unexpected }
                if merged.unknownWorkloads > 0 { throw ExitStatus.unknown }
                return
            }
            var simulations: [[SimulationReport]] = []
            for (path, data) in documents {
                guard let document = try? decoder.decode(SimulationDocument.self, from: data) else {
                    throw CommandLineError.unfit("\(path) is neither a fuzz nor a simulate result in JSON, or not of the same kind as the others")
                }
                simulations.append(document.simulations)
            }
            let models = simulations[0].count
            guard simulations.allSatisfy({ $0.count == models }) else {
                throw CommandLineError.unfit("the simulate results walked different numbers of models")
            }
            let merged = try (0..<models).map { index in
                guard let report = SimulationReport.merged(simulations.map { $0[index] }) else {
                    throw CommandLineError.unfit("the simulate results are not of one hunt: models, policies, properties or crashes differ")
                }
                return report
            }
            switch format {
            case .text: merged.forEach { print(TextReporter().render($0)) }
            case .json: print(try JSONReporter().render(merged), terminator: "")
            }
            let status = merged.map(\.status).max() ?? .asExpected
            if status != .asExpected { throw ExitStatus.code(for: status) }
        }
    }
}

extension ExtentCheckCommand.Merge {
    /// Prints the table the shards (or swarm runs) of one `fuzz --table` make together.
    private func mergeTables(_ tables: [FuzzTable]) throws {
        guard let merged = FuzzTable.merged(tables) else {
            throw CommandLineError.unfit("the fuzz tables are not of one run: policies, invariants, bounds, mode or reductions differ")
        }
        switch format {
        case .text: print(merged.text, terminator: "")
        case .json: print(try JSONReporter().render(document: FuzzTableDocument(table: merged)), terminator: "")
        }
        if merged.reports.contains(where: { !$0.findings.isEmpty }) { throw ExitStatus.unexpected }
        if merged.reports.contains(where: { $0.unknownWorkloads > 0 }) { throw ExitStatus.unknown }
    }

    /// The report format's version, as every document states it (none before version 2).
    private struct Versioned: Decodable {
        var version: Int?
    }

    /// Refuses a result written in another report format, naming the file and both versions: the
    /// results of one hunt come from one release.
    private func refuseEarlierVersions(_ documents: [(String, Data)]) throws {
        for (path, data) in documents {
            guard let document = try? JSONDecoder().decode(Versioned.self, from: data) else { continue }
            let version = document.version ?? 1
            guard version == JSONReporter.version else {
                throw CommandLineError.unfit(
                    "\(path) is in report format \(version), this extentcheck merges format \(JSONReporter.version): "
                        + "run that hunt again with this release")
            }
        }
    }
}
