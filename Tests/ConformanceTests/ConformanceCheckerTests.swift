import Conformance
import ExtentCheck
import Foundation
import Testing

/// Logged runs against the bundled models: which policies admit them, and where the others refuse.
@Suite struct ConformanceCheckerTests {
    static func model(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ExtentChecker.loadModel(at: root.appendingPathComponent("Models/\(name).yaml").path)
    }

    static func check(_ log: LogText, _ name: String, policies: [String]? = nil, data: DataMode? = nil) throws -> ConformanceReport {
        try ConformanceChecker(policies: policies, data: data).check(log.read(), against: model(name))
    }

    @Test(
        "an O_DIRECT write submitted from user memory is dio-csum's and not buffered-fallback's; a fallen-back one the reverse",
        arguments: [DataMode.symbolic, .concrete(2)])
    func directAndFallenBackWrites(data: DataMode) throws {
        var direct = LogText(model: "qemu-cache-none")
        direct.run(Logged.directWrite)
        let old = try Self.check(direct, "qemu-cache-none", data: data)
        #expect(old.admittingPolicies == ["dio-csum", "dio-bounce"])
        let refusal = try #require(old.policies.first { $0.policy == "buffered-fallback" }?.refusal)
        #expect(refusal.line == 3)
        #expect(refusal.event == .directSubmission)
        // The first state where the submission could have come: the call started, its step to come.
        #expect(refusal.steps.isEmpty)
        #expect(refusal.enabled.contains("dio-write guest-page at 0 len 1 (falls back to buffered)"))
        // A policy that sums nothing has no checksum to compute: it refuses the csum.
        #expect(old.policies.first { $0.policy == "nodatasum" }?.refusal?.event == .checksum)

        var fallenBack = LogText(model: "qemu-cache-none")
        fallenBack.run(Logged.fallenBackWrite)
        let new = try Self.check(fallenBack, "qemu-cache-none", data: data)
        #expect(new.admittingPolicies == ["buffered-fallback"])
        #expect(new.policies.first { $0.policy == "dio-csum" }?.refusal?.event == .writeback)
    }

    @Test("a read's EIO is admitted only where a stored checksum can disagree with its data", arguments: [DataMode.symbolic, .concrete(2)])
    func readResultsDecide(data: DataMode) throws {
        func log(_ result: String) -> LogText {
            var log = LogText(model: "dio-read-after-race")
            log.run(Logged.directWrite + [Logged.call("read", "backup"), Logged.readReturned("backup", result)])
            return log
        }
        let policies = ["dio-csum", "dio-bounce"]
        let failed = try Self.check(log("eio"), "dio-read-after-race", policies: policies, data: data)
        #expect(failed.admittingPolicies == ["dio-csum"])
        #expect(failed.policies[1].refusal?.event == .readReturned)
        let succeeded = try Self.check(log("ok"), "dio-read-after-race", policies: policies, data: data)
        #expect(succeeded.admittingPolicies == policies)
    }

    @Test("an mmap write logged while the folio is under writeback is refused where folios are stable", arguments: [DataMode.symbolic, .concrete(2)])
    func stablePages(data: DataMode) throws {
        var log = LogText(model: "nodatasum-raid1-mmap")
        // Background writeback: the model's fsync waits for a clean page cache, which the mutation
        // dirtied again (a kernel's fsync returns once its own writeback is done).
        log.run([
            Logged.call("write", "app"), Logged.returned("app"), Logged.writeback(0), Logged.mutate("mmap-writer"),
            Logged.kernel("complete"),
        ])
        let report = try Self.check(log, "nodatasum-raid1-mmap", data: data)
        #expect(report.admittingPolicies == ["nodatasum-unstable"])
        let refusal = try #require(report.policies.first { $0.policy == "dup-fallback" }?.refusal)
        #expect(refusal.event == .mutate)
        #expect(refusal.line == 5)
    }

    @Test(
        "an mmap change logged with its start may dirty the folio before it is logged, as a store that waited in page_mkwrite does",
        arguments: [DataMode.symbolic, .concrete(2)])
    func changesWithTheirStart(data: DataMode) throws {
        // Times 1010, 1020, ...: the change starts at 1035, during the fsync, before its first writeback.
        func log(since: Bool) -> LogText {
            var log = LogText(model: "nodatasum-raid1-mmap")
            log.run([
                Logged.call("write", "app"), Logged.returned("app"), Logged.call("fsync", "app"), Logged.writeback(0),
                Logged.kernel("complete"), Logged.writeback(0), Logged.kernel("complete"),
                Logged.mutate("mmap-writer") + (since ? ",\"since\":1035" : ""), Logged.returned("app"),
            ])
            return log
        }
        let started = try Self.check(log(since: true), "nodatasum-raid1-mmap", policies: ["dup-fallback"], data: data)
        #expect(started.admittingPolicies == ["dup-fallback"], "\(started.text)")
        // Logged when it was done, the change comes after the second writeback, which found nothing dirty.
        let done = try Self.check(log(since: false), "nodatasum-raid1-mmap", policies: ["dup-fallback"], data: data)
        #expect(done.policies[0].refusal?.event == .writeback)
        #expect(done.policies[0].refusal?.line == 7)
    }

    @Test("a call's step comes between its start and its return: a return with no start is refused")
    func returnsNeedTheirCall() throws {
        var log = LogText(model: "qemu-cache-none")
        log.run([Logged.call("dio-write", "qemu"), Logged.kernel("dio-submit"), Logged.returned("qemu")])
        let report = try Self.check(log, "qemu-cache-none", policies: ["dio-csum"])
        // The bio has not completed: the writer is still waiting for it.
        #expect(report.policies[0].refusal?.event == .returned)
        var fsyncFirst = LogText(model: "qemu-cache-none")
        fsyncFirst.run([Logged.call("fsync", "qemu")])
        #expect(try Self.check(fsyncFirst, "qemu-cache-none", policies: ["dio-csum"]).policies[0].refusal?.event == .fsync)
    }

    @Test(
        "one checksum and one completion event may stand for two folios' bios, as btrfs sums and finishes them at once",
        arguments: [DataMode.symbolic, .concrete(2)])
    func oneCompletionForTwoFolios(data: DataMode) throws {
        var log = LogText(model: "threaded-dio")
        log.run([
            Logged.call("dio-write", "io-thread"), Logged.writeback(0), Logged.writeback(1), Logged.kernel("csum"),
            Logged.kernel("complete"), Logged.returned("io-thread"), Logged.call("fsync", "io-thread"), Logged.returned("io-thread"),
        ])
        let report = try Self.check(log, "threaded-dio", policies: ["buffered-fallback"], data: data)
        #expect(report.admittingPolicies == ["buffered-fallback"])
        // But not a completion that no event shows: the next event after a writeback is not one.
        var unfinished = LogText(model: "threaded-dio")
        unfinished.run([
            Logged.call("dio-write", "io-thread"), Logged.writeback(0), Logged.writeback(1), Logged.kernel("csum"),
            Logged.returned("io-thread"),
        ])
        let refused = try Self.check(unfinished, "threaded-dio", policies: ["buffered-fallback"], data: data)
        #expect(refused.policies[0].refusal?.event == .returned)
    }

    @Test("every built-in policy is checked too on asking, after the model's own")
    func allPolicies() throws {
        var log = LogText(model: "qemu-cache-none")
        log.run(Logged.directWrite)
        let report = try ConformanceChecker(includesBuiltIns: true).check(log.read(), against: Self.model("qemu-cache-none"))
        #expect(report.policies.map(\.policy) == ["dio-csum", "buffered-fallback", "nodatasum", "dio-skip-csum", "nodatasum-mount", "dio-bounce"]
            + Policy.builtIn.map(\.name).filter { !["dio-csum", "buffered-fallback", "nodatasum", "dio-skip-csum", "nodatasum-mount", "dio-bounce"].contains($0) })
        #expect(report.policies.count == Policy.builtIn.count)
    }

    @Test("each slot and pass is one run; runs with the same events are searched once")
    func runsAreSearchedOnce() throws {
        var log = LogText(model: "qemu-cache-none")
        for pass in 0..<3 {
            for slot in 0..<20 { log.run(slot: slot, pass: pass, slot % 2 == 0 ? Logged.directWrite : Array(Logged.directWrite.prefix(5))) }
        }
        let report = try Self.check(log, "qemu-cache-none", policies: ["dio-csum", "buffered-fallback"])
        #expect(report.runs == 60)
        #expect(report.events == 30 * 8 + 30 * 5)
        #expect(report.policies.map(\.runsSearched) == [2, 1])
        #expect(report.admittingPolicies == ["dio-csum"])
    }

    @Test("every policy the model lists is checked by default, its own among them")
    func modelPolicies() throws {
        var log = LogText(model: "direct-read-changing-buffer")
        log.run([Logged.call("dio-read", "reader"), Logged.readReturned("reader", "ok")])
        let scenario = try Self.model("direct-read-changing-buffer")
        let report = try ConformanceChecker().check(log.read(), against: scenario)
        #expect(report.policies.map(\.policy) == scenario.policies.map(\.name))
        #expect(report.admittingPolicies == scenario.policies.map(\.name))
    }
}
