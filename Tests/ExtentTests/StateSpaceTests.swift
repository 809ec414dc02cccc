@_spi(Search) import Explorer
@_spi(Search) @testable import Extent
import Testing

/// State counts worked out by hand from the contract's §2 and §7.
@Suite struct StateSpaceTests {
    /// One writer, no mutator, one block: `dio-write`, then the bio's steps, then `fsync`, one after the other.
    @Test(arguments: [
        // dio-write, csum, dma, complete, fsync
        ("dio-csum", 6, 5),
        // dio-write, dma, complete, fsync
        ("nodatasum", 5, 4),
        // dio-write (into the folio), writeback, csum, dma, complete, fsync
        ("buffered-fallback", 7, 6),
    ])
    func aLoneWriterTakesOneStepAtATime(policy: String, states: Int, transitions: Int) throws {
        let run = try Run(Scenarios.qemuCacheNone(budget: 0), Policy.builtIn(named: policy)!)
        #expect(run.outcome.statistics.states == states)
        #expect(run.outcome.statistics.transitions == transitions)
        #expect(run.outcome.statistics.maxDepth == transitions)
    }

    /// The seed's race, counted by hand. Writer phases: A before `dio-write`, B bio in flight, C summed,
    /// D transferred, E completed, F after `fsync`; in each, the mutator has budget 1 or 0, and once the
    /// buffer has changed, which of the buffer, checksum, transfer and stored data hold the old value
    /// tells states apart: A 2, B 2 (a change before the checksum is no change at all, up to renaming),
    /// C 3, D 4, E 4, F 4: 19 states. Transitions: each of the 15 states of A to E has its phase's
    /// next step, and the six with budget 1 (one per phase) can also mutate: 21.
    @Test func theSeedsRaceHasNineteenStates() throws {
        let run = try Run(Scenarios.qemuCacheNone(), Policy.builtIn(named: "dio-csum")!)
        #expect(run.outcome.statistics.states == 19)
        #expect(run.outcome.statistics.transitions == 21)
    }

    /// An independent explicit-state encoding of the contract (SPIN, in the engineering notes) counts
    /// 630,464 states and 3.1 M transitions for this model: one writer `dio-write`s a 4-block buffer
    /// and `fsync`s, a mutator of budget 1 changes the buffer, `concrete:2`, `buffered-fallback`.
    @Test func theIndependentCheckersCountIsReproduced() throws {
        var scenario = Scenarios.qemuCacheNone(blocks: 4, data: .concrete(2))
        scenario.invariants = ExtentProperty.builtIn
        let run = try Run(scenario, Policy.builtIn(named: "buffered-fallback")!)
        #expect(run.outcome.statistics.states == 630_464)
        #expect(run.outcome.statistics.transitions == 3_082_080)
        #expect(run.verdicts.values.allSatisfy { $0 == "holds" })
    }

    @Test func concreteInitialStatesEnumerateEveryFreshWord() throws {
        // Fresh words: the guest page's and the stored block's: 3^2 initial states.
        let model = try ExtentModel(scenario: Scenarios.qemuCacheNone(data: .concrete(3)), policy: Policy.builtIn[0])
        let initial = model.initialStates()
        #expect(initial.count == 9)
        #expect(Set(initial).count == 9)
        // A stored block's value is copied to its checksum: every initial state is consistent.
        for state in initial {
            let layout = model.layout
            #expect(state[layout.start(of: .stored(0, mirror: 0))] == state[layout.start(of: .storedChecksum(0))])
        }
    }

    @Test(arguments: [Set<Reduction>(), [.symmetry]])
    func theFirstInitialStatesAreListedAlone(reductions: Set<Reduction>) throws {
        // Two writers of one buffer each, interchangeable: symmetry merges initial states.
        var scenario = Scenarios.qemuCacheNone(blocks: 2, data: .concrete(3))
        scenario.buffers.append(Buffer(name: "other", blocks: 2))
        scenario.actors.append(.writer("other", [.directWrite(IORange(buffer: 1, at: 0, blocks: 2))]))
        let model = try ExtentModel(scenario: scenario, policy: Policy.builtIn[0], reductions: reductions)
        let all = model.initialStates()
        for limit in [0, 1, 7, all.count, all.count + 5] {
            #expect(model.initialStates(limit: limit) == Array(all.prefix(limit)), "\(limit)")
        }
    }

    @Test func aSymbolicModelStartsInOneState() throws {
        let model = try ExtentModel(scenario: Scenarios.qemuCacheNone(mirrors: 2), policy: Policy.builtIn[0])
        #expect(model.initialStates().count == 1)
    }

    @Test func statesThatDifferOnlyByVariableNamesAreOne() throws {
        let model = try ExtentModel(scenario: Scenarios.qemuCacheNone(), policy: Policy.builtIn[0])
        let initial = model.initialStates()[0]
        let layout = model.layout
        let mutate = ExtentAction.mutate(mutator: 0, location: .buffer(0, word: 0), value: nil)
        // A fresh value in the buffer's place, named 99, renames back to the first name.
        let mutated = model.apply(mutate, to: initial, fresh: 99)
        #expect(mutated[layout.bufferWord(0, 0)] == 99)
        let canonical = model.canonical(mutated)
        #expect(Array(canonical.slots[layout.wordBase...]) == Array(initial.slots[layout.wordBase...]))
        #expect(canonical[layout.budget(0)] == 0)
        // Renaming keeps which words are equal: the stored block still matches its checksum.
        #expect(canonical[layout.start(of: .stored(0, mirror: 0))] == canonical[layout.start(of: .storedChecksum(0))])
        #expect(canonical[layout.bufferWord(0, 0)] != canonical[layout.start(of: .stored(0, mirror: 0))])
    }

    @Test func everySuccessorIsCanonical() throws {
        let model = try ExtentModel(scenario: Scenarios.qemuCacheNone(blocks: 2, mirrors: 2), policy: Policy.builtIn[0])
        var frontier = model.initialStates()
        var seen = Set(frontier)
        while let state = frontier.popLast() {
            var successors: [(action: ExtentAction, state: ExtentState)] = []
            model.successors(of: state, into: &successors)
            for successor in successors {
                #expect(model.canonical(successor.state) == successor.state)
                if seen.insert(successor.state).inserted { frontier.append(successor.state) }
            }
        }
        #expect(seen.count > 10)
    }
}

extension StateSpaceTests {
    /// `dio-verify`, one block, `concrete:2`, one writer (`dio-write`, `fsync`), a buffer mutator of budget 1.
    ///
    /// A state is the writer's phase, the budget m, the buffer b, the bio's checksum c and transfer d
    /// (once made), and the stored block s with its checksum (which stay equal: a successful verify
    /// needs b = c, and then d = c). Until the `complete`, s is an initial value that nothing touches,
    /// so each count before it is doubled for s ∈ {0, 1}:
    /// - A, ready, no bio: (b, m) any: 4 × 2 = 8 states; B, the bio without its checksum: 8;
    /// - C, c = b summed: with m = 1 the buffer is unchanged, b = c (2); with m = 0, (b, c) any (4): 6 × 2 = 12;
    /// - D, d transferred: m = 1: b = c = d (2); m = 0: b = c = d (2), c ≠ d = b (a change between
    ///   `csum` and `dma`: 2), c = d ≠ b (a change after `dma`: 2), never b = c ≠ d: 8 × 2 = 16;
    /// - the `complete` succeeds where b = c and stores d, and fails where b ≠ c, keeping s. E, `fsync`
    ///   next: m = 1: b = s' (2); m = 0: (b, s') any (4): 6 states; F, finished: the same 6.
    /// 8 + 8 + 12 + 16 + 6 + 6 = 56 states.
    ///
    /// Transitions: every state has its writer's or bio's one step (F none) and, with m = 1, two
    /// mutations: A 4·3 + 4 = 16, B 16, C 4·3 + 8 = 20, D 4·3 + 12 = 24, E 2·3 + 4 = 10, F 2·2 = 4: 90.
    /// Failing completes: the D states with b ≠ c, all with m = 0: 4 × 2 = 8 of the 16.
    @Test func theVerifiedWriteIsCountedByHand() throws {
        let scenario = Scenarios.qemuCacheNone(data: .concrete(2))
        let run = try Run(scenario, Policy.builtIn(named: "dio-verify")!)
        #expect(run.outcome.statistics.states == 56)
        #expect(run.outcome.statistics.transitions == 90)

        let model = run.model
        var frontier = model.initialStates()
        var seen = Set(frontier)
        var completes = 0
        var failing = 0
        while let state = frontier.popLast() {
            var successors: [(action: ExtentAction, state: ExtentState)] = []
            model.successors(of: state, into: &successors)
            for successor in successors {
                switch successor.action {
                case .complete: completes += 1
                case .failedCompletion: failing += 1
                default: break
                }
                if seen.insert(successor.state).inserted { frontier.append(successor.state) }
            }
        }
        #expect(completes + failing == 16)
        #expect(failing == 8)
    }
}

extension StateSpaceTests {
    /// The same verified write with symbolic data: the buffer's word b, the checksum c and transfer d,
    /// each one variable or another, the budget m, and now a path condition.
    /// - A ready, B the bio without its checksum: m = 1 (b as it started) or m = 0 (b fresh): 2 + 2;
    /// - C: m = 1: c = b; m = 0: c = b (changed before `csum`) or c ≠ b: 3;
    /// - D: m = 1: b = c = d; m = 0: b = c = d, d = b ≠ c, or c = d ≠ b: 4;
    /// - where b and c are one variable the `complete` succeeds without a query; where they are two,
    ///   both outcomes are satisfiable: success with H(b) = H(c), failure with H(b) ≠ H(c). The path
    ///   condition is kept projected on the state's words (`ConditionProjection`): H is one-to-one on
    ///   a 32-bit block, so a success makes b and c one word, and the success is the state without a
    ///   condition; a failure's condition names c, which no slot holds any more and which can be given
    ///   a value unlike b's, so it is dropped, and the two failures are the state "buffer x, stored y
    ///   summed as y" with m = 0. E, `fsync` next: m = 1 success; m = 0 success; that failure state,
    ///   which the change of the buffer from E's m = 1 reaches too: 3. F, finished: the same 3.
    ///   2 + 2 + 3 + 4 + 3 + 3 = 17 states.
    /// - Transitions: A 2 + 1, B 2 + 1, C 2 + 1 + 1, D 2 + 1 + 2 + 2 (two outcomes where b ≠ c),
    ///   E 2 + 1 + 1, F 1: 22.
    @Test func theVerifiedWriteIsCountedByHandWithSymbolicData() throws {
        let run = try Run(Scenarios.qemuCacheNone(), Policy.builtIn(named: "dio-verify")!)
        #expect(run.outcome.statistics.states == 17)
        #expect(run.outcome.statistics.transitions == 22)
        #expect(run.verdicts["csum-matches-data"] == "holds")
        #expect(run.verdicts["writes-succeed"] == "violated")
    }
}

extension StateSpaceTests {
    @Test func statesPackNarrowAndWideAndComeBackEqual() throws {
        let run = try Run(Scenarios.qemuCacheNone(blocks: 2), Policy.builtIn(named: "dio-csum")!)
        var states = run.model.initialStates()
        var successors: [(action: ExtentAction, state: ExtentState)] = []
        run.model.successors(of: states[0], into: &successors)
        states += successors.map(\.state)
        states += try Run(Scenarios.qemuCacheNone(data: .concrete(2)), Policy.builtIn(named: "dio-csum")!).model.initialStates()
        // A count, a width code a group, then groups of eight slots take 0, 1, 2, 4, 8, 16 or 32 bits
        // a slot, as their largest value needs.
        let widths: [(slots: [UInt32], bytes: Int)] = [
            ([0, 254, 255, StateLayout.none, StateLayout.fresh, 70_000], 1 + 1 + 32),
            ([UInt32](repeating: StateLayout.none, count: 9), 1 + 1),
            ([0, 1, StateLayout.none, 1, 0, 0, 1, 1] + [UInt32](repeating: 3, count: 8), 1 + 1 + 2 + 4),
            ([300, 0, 0] + [UInt32](repeating: StateLayout.none, count: 16) + [200], 1 + 2 + 16 + 8),
            // 255 slots or more: the count takes three bytes.
            ([UInt32](repeating: 1, count: 254), 1 + 16 + 32 * 2),
            ([UInt32](repeating: 1, count: 255) + [7], 3 + 16 + 31 * 2 + 4),
        ]
        for (slots, length) in widths {
            var bytes = ContiguousArray<UInt8>()
            ExtentState(slots: slots).pack(into: &bytes)
            #expect(bytes.count == length, "\(slots)")
            #expect(bytes.withUnsafeBytes { ExtentState.packedLength(of: $0) } == length, "\(slots)")
            states.append(ExtentState(slots: slots))
        }
        // Unpacked in place too, into whichever state came before: of as many slots or not, shared or not.
        var reused = states[0]
        var held = reused
        for state in states {
            var bytes = ContiguousArray<UInt8>()
            state.pack(into: &bytes)
            // A packed state says its length, whatever follows it.
            let length = bytes.count
            bytes.append(contentsOf: [0x6F, 0x7E, 0x8D])
            #expect(bytes.withUnsafeBytes { ExtentState.packedLength(of: $0) } == length)
            bytes.removeLast(3)
            let unpacked = bytes.withUnsafeBytes { ExtentState(unpacking: $0) }
            #expect(unpacked == state)
            let before = held
            #expect(bytes.withUnsafeBytes { reused.unpack($0) } == length)
            #expect(reused == state && held == before)
            held = reused
        }
    }
}

extension StateSpaceTests {
    /// Groups of every width, in states of every length up to five groups, the last group full or
    /// not: each comes back equal from its bytes, which say their own length.
    @Test func statesOfEveryGroupWidthPackAndComeBackEqual() {
        var random = SeededGenerator(seed: 28)
        // The largest value a group may take, for each width a group packs to: 0, 1, 2, 4, 8, 16, 32 bits.
        let largest: [UInt32?] = [nil, 0, 2, 14, 254, 65_534, StateLayout.fresh]
        var reused = ExtentState(slots: [])
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...40, using: &random)
            var slots: [UInt32] = []
            while slots.count < count {
                let bound = largest.randomElement(using: &random)!
                // Half the slots empty, the others up to the group's largest value.
                for _ in 0..<min(8, count - slots.count) {
                    let value = Bool.random(using: &random) ? bound.map { UInt32.random(in: 0...$0, using: &random) } : nil
                    slots.append(value ?? StateLayout.none)
                }
            }
            let state = ExtentState(slots: slots)
            var bytes = ContiguousArray<UInt8>()
            state.pack(into: &bytes)
            let length = bytes.count
            bytes.append(contentsOf: (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) })
            #expect(bytes.withUnsafeBytes { ExtentState.packedLength(of: $0) } == length, "\(slots)")
            #expect(bytes.withUnsafeBytes { reused.unpack($0) } == length, "\(slots)")
            #expect(reused == state, "\(slots)")
        }
    }

    /// Paths are rebuilt with `successors(of:into:)` from the choices the search made with
    /// `forEachSuccessor(of:_:)`: the two must list the same steps to the same states, in one order,
    /// and the successors `body` keeps must not change when the reused buffer is written again.
    @Test(arguments: ["dio-csum", "dio-verify", "buffered-fallback", "unstable-pages"])
    func bothWaysOfListingSuccessorsAgree(policy: String) throws {
        for data in [DataMode.symbolic, .concrete(2)] {
            let run = try Run(Scenarios.qemuCacheNone(blocks: 2, budget: 2, data: data), Policy.builtIn(named: policy)!)
            var pending = run.model.initialStates()
            var visited = 0
            while let state = pending.popLast(), visited < 300 {
                visited += 1
                var listed: [(action: ExtentAction, state: ExtentState)] = []
                run.model.successors(of: state, into: &listed)
                var called: [(action: ExtentAction, state: ExtentState)] = []
                run.model.forEachSuccessor(of: state) { called.append(($0, $1)) }
                #expect(listed.map(\.action) == called.map(\.action), "\(policy), \(data)")
                #expect(listed.map(\.state) == called.map(\.state), "\(policy), \(data)")
                pending += listed.map(\.state)
            }
        }
    }
}
