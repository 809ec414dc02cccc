@_spi(Search) @testable import Extent
import Testing

/// What a trace says of a crash (§10): the step lists what it dropped and what reached the media, the
/// state after it shows who stopped, and the explanation names the crash and where each copy came from.
@Suite struct CrashExplanationTests {
    @Test func theTornCopiesNameTheCrashAndTheTransferItKept() throws {
        let trace = try Run.trace(Scenarios.crashDuringTheWrite(data: .symbolic), "nodatasum", .mirrorsAgree)
        let crash = try #require(trace.steps.last)
        #expect(crash.actor == "power")
        #expect(crash.action.kind == .crash)
        #expect(crash.step == "crash (bio app dropped, on the media: mirror 0 block 0; app stops)")
        let changed = Dictionary(uniqueKeysWithValues: crash.changes.map { ($0.what, $0) })
        #expect(changed["app"]?.after?.hasPrefix("stopped by the crash at dio-write") == true)
        #expect(changed["crashes"]?.after == "1 of 1")
        #expect(changed["stored block 0 mirror 0"] != nil)
        #expect(changed["stored block 0 mirror 1"] == nil)
        #expect(trace.explanation.contains { $0.hasPrefix("mirror 0's copy ") && $0.contains("put on the media by the crash at step 3") })
        #expect(trace.explanation.contains { $0.hasPrefix("mirror 1's copy ") && $0.hasSuffix("is the initial state's") })
        #expect(trace.explanation.contains { $0.hasPrefix("power was lost between the copies' transfers: under overwrite: in-place") })
        let last = try #require(trace.states.last)
        #expect(last["crashes"] == .integer(1))
        #expect(last["writers"] == .map([.string("app"): .record(["position": .integer(0), "waiting": .string("stopped")])]))
    }

    @Test func aCopyOnWriteCrashDropsTheWriteAndTheDirtyFolio() throws {
        var scenario = Scenarios.mmapDuringWriteback(data: .concrete(2))
        scenario.crashes = 1
        let model = try ExtentModel(scenario: scenario, policy: Policy.builtIn(named: "buffered-fallback")!)
        let written = model.apply(.writerStep(writer: 0, step: 0), to: model.initialStates()[0], fresh: 0)
        #expect(model.describe(.crash, in: written) == "crash (dirty folio 0 lost; app, mmap stop)")
        let crashed = model.apply(.crash, to: written, fresh: 0)
        #expect(model.folio(0, in: crashed).isEmpty && model.isEmpty(.folio(0), in: crashed))
        #expect(model.crashesTaken(in: crashed) == 1 && model.crashesLeft(in: crashed) == 0)
        #expect(model.position(of: 0, in: crashed) == (step: 1, phase: .stopped))
        #expect(crashed[model.layout.budget(0)] == 0)
        // Copy-on-write: the stored block is the initial state's, as the write never completed.
        #expect(crashed[model.layout.slot(.stored(0, mirror: 0), word: 0)] == written[model.layout.slot(.stored(0, mirror: 0), word: 0)])
    }
}
