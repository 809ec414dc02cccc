@_spi(Search) import Explorer
@_spi(Search) import Extent
import Testing

/// Traces run again on their model: reproduced as recorded, or diverging where they were changed.
@Suite struct ReplayTests {
    private func trace(_ scenario: Scenario, _ policy: String, _ property: ExtentProperty) throws -> (ExtentModel, Trace) {
        let run = try Run(scenario, Policy.builtIn(named: policy)!, invariants: [property])
        let path = try #require(run.path(violating: property))
        return (run.model, try run.model.trace(of: path, for: property))
    }

    @Test(arguments: [DataMode.symbolic, .concrete(2)])
    func aTraceReproducesOnItsModel(data: DataMode) throws {
        let (model, trace) = try trace(Scenarios.qemuCacheNone(data: data), "dio-csum", .csumMatchesData)
        let replay = try model.replay(trace, for: .csumMatchesData)
        // The conclusion, recomputed with the trace's values, is the trace's own.
        #expect(replay == .reproduced(steps: 5, conclusion: trace.conclusion), "\(replay)")
    }

    @Test func aStepThatIsNotEnabledIsWhereItDiverges() throws {
        let (model, recorded) = try trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        var trace = recorded
        trace.steps[3].action.mirror = 1
        guard case .diverged(4, let reason) = try model.replay(trace, for: .csumMatchesData) else {
            Issue.record("expected a divergence at step 4")
            return
        }
        #expect(reason == "device `dma bio qemu mirror 1 block 0` is not enabled here; enabled are "
            + "device `dma bio qemu mirror 0 block 0`")
    }

    @Test func aChangedValueIsWhereItDiverges() throws {
        let (model, recorded) = try trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        var trace = recorded
        // The checksum computed at step 2, changed: it is no longer crc32c of the buffer.
        guard case .map(var bios) = trace.states[2]["bios"], case .record(var bio) = bios[.string("bio qemu")],
            case .map(var sums) = bio["csum"], case .record(var sum) = sums[.integer(0)]
        else {
            Issue.record("the trace's state after step 2 has no checksum of bio qemu")
            return
        }
        sum["value"] = .integer(7)
        sums[.integer(0)] = .record(sum)
        bio["csum"] = .map(sums)
        bios[.string("bio qemu")] = .record(bio)
        trace.states[2]["bios"] = .map(bios)
        guard case .diverged(2, let reason) = try model.replay(trace, for: .csumMatchesData) else {
            Issue.record("expected a divergence at step 2")
            return
        }
        #expect(reason.hasPrefix("the state differs: bios.bio qemu.csum.0.value is "))
        #expect(reason.hasSuffix(", 0x00000007 in the trace"))
    }

    @Test func valuesThatDoNotRaceDoNotReproduce() throws {
        let (model, recorded) = try trace(Scenarios.qemuCacheNone(data: .concrete(2)), "dio-csum", .csumMatchesData)
        var trace = recorded
        // The mutation writes the value the buffer already holds: then nothing is wrong at the end.
        let before = try #require(trace.steps[2].changes.first { $0.what == "guest-page block 0" }?.before)
        guard let value = UInt64(before) else {
            Issue.record("the buffer's word before step 3 is \(before), not a number")
            return
        }
        trace.steps[2].action.value = value
        let replay = try model.replay(trace, for: .csumMatchesData)
        guard case .diverged(let step, _) = replay else {
            Issue.record("expected a divergence, got \(replay)")
            return
        }
        #expect(step == 3)
    }
}

extension ReplayTests {
    @Test func aChangedInitialWordIsBlamedOnTheInitialState() throws {
        let (model, recorded) = try trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        var trace = recorded
        // The buffer's first value, changed only where the trace starts: every later state still shows it.
        guard case .map(var buffers) = trace.states[0]["buffers"], case .list(var words) = buffers[.string("guest-page")],
            case .integer(let word) = words[0]
        else {
            Issue.record("the initial state has no guest-page words")
            return
        }
        words[0] = .integer(word ^ 1)
        buffers[.string("guest-page")] = .list(words)
        trace.states[0]["buffers"] = .map(buffers)
        guard case .diverged(0, let reason) = try model.replay(trace, for: .csumMatchesData) else {
            Issue.record("expected a divergence at the initial state")
            return
        }
        #expect(reason.hasPrefix("the state differs: buffers.guest-page.0 is 0x"))
        #expect(reason.hasSuffix("at steps 1, 2, 3, 4, 5"))
    }
}

extension ReplayTests {
    @Test func aTraceThatEndsWhereStepsCanRunIsNoDeadlock() throws {
        let (model, trace) = try trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        // After the race qemu can still fsync: replayed for no-deadlock, the trace shows nothing.
        guard case .diverged(5, let reason) = try model.replay(trace, for: .noDeadlock) else {
            Issue.record("a trace whose last state has an enabled step reproduced a deadlock")
            return
        }
        #expect(reason == "the replayed trace does not violate no-deadlock here")
    }
}

extension ReplayTests {
    @Test func stepsAreMatchedByActionNotByText() throws {
        let (model, recorded) = try trace(Scenarios.qemuCacheNone(), "dio-csum", .csumMatchesData)
        var trace = recorded
        // Reworded, abbreviated, doubled spaces: the text is for people, the action is what runs.
        trace.steps[0].step = "dio-write  guest-page at 0 len 1"
        trace.steps[1].step = "Csum bio qemu blk 0"
        trace.steps[3].step = ""
        #expect(try model.replay(trace, for: .csumMatchesData) == .reproduced(steps: 5, conclusion: trace.conclusion))

        // The same text with another action diverges there.
        var moved = recorded
        moved.steps[1].action.block = 1
        guard case .diverged(2, let reason) = try model.replay(moved, for: .csumMatchesData) else {
            Issue.record("a csum of a block the bio does not cover reproduced")
            return
        }
        #expect(reason.hasPrefix("kernel `csum bio qemu block 1` is not enabled here; enabled are "), "\(reason)")
    }

    @Test(arguments: [DataMode.symbolic, .concrete(2)])
    func everyStepsActionIsTheModelsAction(data: DataMode) throws {
        let (_, trace) = try trace(Scenarios.qemuCacheNone(data: data), "dio-csum", .csumMatchesData)
        #expect(trace.steps.map(\.action.kind) == [.dioWrite, .csum, .mutate, .dma, .complete])
        #expect(trace.steps.map(\.action.actor) == trace.steps.map(\.actor))
        #expect(trace.steps[0].action == TraceAction(kind: .dioWrite, actor: "qemu", buffer: "guest-page", block: 0, blocks: 1))
        #expect(trace.steps[3].action == TraceAction(kind: .dma, actor: "device", bio: "bio qemu", block: 0, mirror: 0))
        #expect(trace.steps[4].action == TraceAction(kind: .complete, actor: "kernel", bio: "bio qemu", fails: false))
        // A concrete mutate records its value; a symbolic one a fresh value, so none.
        #expect((trace.steps[2].action.value != nil) == (data != .symbolic))
        // The previous release's text of each step reads back as the same action.
        for step in trace.steps {
            #expect(TraceAction(previousReleaseStep: step.step, actor: step.actor) == step.action, "\(step.step)")
        }
    }
}
