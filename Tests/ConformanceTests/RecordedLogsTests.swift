import Conformance
import ExtentCheck
import Foundation
import Testing

/// The logs `fidelity/run --logs` recorded on real kernels and keeps in `fidelity/logs/<kernel>/`,
/// one per row of its table (`<row>-<model>.ndjson`), checked here without QEMU or root.
@Suite struct RecordedLogsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let logs = root.appendingPathComponent("fidelity/logs")

    /// Every kept log, as `kernel/file`.
    static let files: [String] = {
        let manager = FileManager.default
        let kernels = (try? manager.contentsOfDirectory(atPath: logs.path)) ?? []
        return kernels.sorted().flatMap { kernel in
            ((try? manager.contentsOfDirectory(atPath: logs.appendingPathComponent(kernel).path)) ?? [])
                .filter { $0.hasSuffix(".ndjson") }.sorted().map { "\(kernel)/\($0)" }
        }
    }()

    /// The rows of fidelity/run whose file is checksummed and written with O_DIRECT.
    static let checksummedDirectWrites: Set<Int> = [1, 2, 3, 6, 9, 10, 11, 13, 16]

    /// The kept logs no policy admits, each with what the model does not have (docs/conformance.md,
    /// "What is still not the model's"): a change here is a change of what conform finds.
    static let refusedByEveryPolicy: [String: String] = [
        "6.1/7-mmap-during-writeback.ndjson": Self.pageCacheMutator,
        "6.1/8-nodatasum-raid1-mmap.ndjson": Self.pageCacheMutator,
        "6.1/9-two-writers.ndjson": "two writers' runs paired by pass: a writer's call in another pass changed the slot",
        "6.12/2-threaded-dio.ndjson": Self.bioOfTwoRuns,
        "6.12/7-mmap-during-writeback.ndjson": Self.pageCacheMutator,
        "6.18/2-threaded-dio.ndjson": Self.bioOfTwoRuns,
        "6.18/7-mmap-during-writeback.ndjson": Self.pageCacheMutator,
        "host/7-mmap-during-writeback.ndjson": Self.pageCacheMutator,
        "host/8-nodatasum-raid1-mmap.ndjson": Self.pageCacheMutator,
    ]

    /// Why the two-block fallback's logs are refused.
    static let bioOfTwoRuns = "one bio's csum taken as an event of two runs: the second run's model has no bio to sum"

    /// Why the mmap rows' logs are refused.
    static let pageCacheMutator =
        "an mmap writer changes every slot at any time and a later slot's fsync writes back every slot's folios: "
        + "a writeback of a slot whose run has ended, and the change that dirtied it, fall into different runs of the log"

    /// A kept log checked under every policy, built in and the model's.
    static func check(_ file: String) throws -> (row: Int, kernel: String, report: ConformanceReport) {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let dash = try #require(name.firstIndex(of: "-"))
        let row = try #require(Int(name[..<dash]))
        let model = String(name[name.index(after: dash)...])
        let scenario = try ExtentChecker.loadModel(at: root.appendingPathComponent("Models/\(model).yaml").path)
        let log = try EventLog.load(contentsOf: logs.appendingPathComponent(file).path)
        let report = try ConformanceChecker(includesBuiltIns: true).check(log, against: scenario)
        return (row, String(file.prefix { $0 != "/" }), report)
    }

    @Test("logs are kept for Debian's kernels before 968f19c5b1b7 and with it")
    func logsAreKept() {
        let kernels = Set(Self.files.map { String($0.prefix { $0 != "/" }) })
        #expect(kernels.isSuperset(of: ["6.1", "6.12", "6.18"]), "\(kernels)")
    }

    @Test("every kept log is read whole, fits its model, and is admitted by some policy unless listed", arguments: files)
    func admitted(file: String) throws {
        let (_, _, report) = try Self.check(file)
        #expect(report.events > 0)
        #expect(report.admittingPolicies.isEmpty == (Self.refusedByEveryPolicy[file] != nil), "\(report.text)")
    }

    @Test(
        "an O_DIRECT write of a checksummed file is dio-csum's on 6.1 and buffered-fallback's since 968f19c5b1b7",
        arguments: files)
    func directWritesOfChecksummedFiles(file: String) throws {
        let (row, kernel, report) = try Self.check(file)
        guard Self.checksummedDirectWrites.contains(row) else { return }
        let admitted = Set(report.admittingPolicies)
        let (expected, refused) = kernel == "6.1" ? ("dio-csum", "buffered-fallback") : ("buffered-fallback", "dio-csum")
        #expect(!admitted.contains(refused), "\(report.text)")
        #expect(admitted.isEmpty || admitted.contains(expected), "\(report.text)")
    }
}
