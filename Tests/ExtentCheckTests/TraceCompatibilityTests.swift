import ExtentCheck
import Foundation
import Testing

/// Traces replay by their actions: those the previous release wrote (kept in
/// `Fixtures/PreviousRelease`, text only, records keyed by name), and ITF traces with no step text.
@Suite("traces of the previous release and traces without text")
struct TraceCompatibilityTests {
    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/ExtentCheckTests/Fixtures/PreviousRelease")

    /// Every trace file the previous release wrote that the suite keeps.
    static let previousRelease: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test("the previous release's traces are kept, in both formats")
    func fixturesArePresent() {
        #expect(Self.previousRelease.count == 7)
        #expect(Self.previousRelease.contains { $0.hasSuffix(".itf.json") })
        #expect(Self.previousRelease.contains { !$0.hasSuffix(".itf.json") })
    }

    @Test("a trace the previous release wrote still replays to its violation", arguments: previousRelease)
    func previousReleaseTraceReplays(name: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        #expect(!text.contains("\"action\""), "the fixture is as the previous release wrote it")
        let document = try TraceDocument.load(contentsOf: Self.fixtures.appendingPathComponent(name).path)
        #expect(document.trace.steps.allSatisfy { $0.action.actor == $0.actor })
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/\(document.model).yaml"))
        let replay = try ExtentChecker().replay(document, on: scenario)
        #expect(replay.outcome == .reproduced(steps: document.trace.steps.count, conclusion: document.trace.conclusion))
        #expect(replay.status == .asExpected, "\(name): \(replay.outcome)")
    }

    /// A trace written before crashes (`Fixtures/BeforeCrashes`, by the release with readers and scrubbers)
    /// has no `crashes`: it loads with none taken, and replays under the model's own crashes.
    @Test("a trace written before crashes loads with crashes 0 and replays", arguments: ["json", "itf.json"])
    func traceBeforeCrashesReplays(format: String) throws {
        let file = PackagePaths.root.appendingPathComponent(
            "Tests/ExtentCheckTests/Fixtures/BeforeCrashes/nodatasum-raid1-scrub.nodatasum.scrub-finds-damage.\(format)")
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("crashes"), "the fixture is as that release wrote it")
        let document = try TraceDocument.load(contentsOf: file.path)
        #expect(document.crashes == nil)
        #expect(document.trace.states.allSatisfy { $0["crashes"] == .integer(0) })
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute("Models/nodatasum-raid1-scrub.yaml"))
        let replay = try ExtentChecker().replay(document, on: scenario)
        #expect(replay.outcome == .reproduced(steps: document.trace.steps.count, conclusion: document.trace.conclusion))
        #expect(replay.status == .asExpected)
    }

    @Test("an ITF trace whose states' #meta have only their action replays")
    func itfWithoutStepText() throws {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(CLITests.qemu))
        let report = try ExtentChecker().check(file: CLITests.qemu)
        let document = try #require(report.traceDocuments.first { $0.policy == "dio-csum" })
        var itf = ITFTrace(document)
        for index in itf.states.indices {
            itf.states[index].meta.step = nil
            itf.states[index].meta.actor = nil
        }
        let read = try JSONDecoder().decode(ITFTrace.self, from: Data(try JSONReporter().render(document: itf).utf8))
        let loaded = try read.traceDocument()
        #expect(loaded.trace.steps.map(\.action) == document.trace.steps.map(\.action))
        #expect(loaded.trace.steps.map(\.actor) == document.trace.steps.map(\.actor))
        let replay = try ExtentChecker().replay(loaded, on: scenario)
        #expect(replay.outcome == .reproduced(steps: 5, conclusion: document.trace.conclusion))

        // With neither an action nor text, a state says what it lacks.
        itf.states[2].meta.action = nil
        #expect(throws: TraceFileError.missing("action", in: "the #meta of state 2")) { try itf.traceDocument() }
    }
}
