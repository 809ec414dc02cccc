@_spi(Search) public import Explorer

extension ExtentModel: TransitionSystem {
    /// The initial states of §7.2: every buffer word and every stored block fresh, one value on all
    /// mirrors, checksummed when the policy checksums anything; in `concrete:K`, every assignment.
    @_spi(Search) public func initialStates() -> [ExtentState] { initialStates(limit: .max) }

    /// The first `limit` of `initialStates()`, in its order, without building the others: a search
    /// that may keep only so many states need not list the K^n of `concrete:K`. Every initial state
    /// is listed once: distinct assignments of the fresh words, or under symmetry one of each class.
    @_spi(Search) public func initialStates(limit: Int) -> [ExtentState] {
        let (template, freshWords) = initialTemplate()
        guard let k = concreteValues else {
            var state = template
            for (id, slots) in freshWords.enumerated() {
                for slot in slots { state[slot] = UInt32(id) }
            }
            represent(&state)
            return limit > 0 ? [state] : []
        }
        var states: [ExtentState] = []
        // Under symmetry, one state of each class of renamings, in the order of the first of the class.
        var kept = Set<ExtentState>()
        var values = [UInt32](repeating: 0, count: freshWords.count)
        while states.count < limit {
            var state = template
            for (index, slots) in freshWords.enumerated() {
                for slot in slots { state[slot] = values[index] }
            }
            if shape.symmetry == nil {
                states.append(state)
            } else {
                represent(&state)
                if kept.insert(state).inserted { states.append(state) }
            }
            // The next assignment, counting in base k with the last word fastest.
            guard let digit = values.indices.last(where: { values[$0] < k - 1 }) else { break }
            values[digit] += 1
            for later in (digit + 1)..<values.count { values[later] = 0 }
        }
        return states
    }

    /// A state with every control slot at its start and every word empty, and each fresh initial
    /// word as the slots that share its value.
    private func initialTemplate() -> (template: ExtentState, freshWords: [[Int]]) {
        var template = ExtentState(slots: [UInt32](repeating: 0, count: layout.count))
        for slot in layout.wordBase..<layout.count { template[slot] = StateLayout.none }
        for writer in writers.indices { setPosition(of: writer, step: 0, phase: .ready, in: &template) }
        for (mutator, description) in mutators.enumerated() {
            template[layout.budget(mutator)] = UInt32(description.budget)
        }
        var freshWords: [[Int]] = []
        for (buffer, description) in scenario.buffers.enumerated() {
            for word in 0..<(description.blocks * geometry.blockWords) {
                freshWords.append([layout.bufferWord(buffer, word)])
            }
        }
        for block in 0..<geometry.blocks {
            for word in 0..<geometry.blockWords {
                var slots = (0..<geometry.mirrors).map { layout.slot(.stored(block, mirror: $0), word: word) }
                if policy.checksumsAnything { slots.append(layout.slot(.storedChecksum(block), word: word)) }
                freshWords.append(slots)
            }
        }
        return (template, freshWords)
    }

    /// Every enabled step and the canonical state it leads to: `forEachSuccessor(of:_:)`'s, collected.
    @_spi(Search) public func successors(of state: ExtentState, into successors: inout [(action: ExtentAction, state: ExtentState)]) {
        forEachSuccessor(of: state) { successors.append(($0, $1)) }
    }

    /// Every enabled step and the canonical state it leads to, built in one buffer that is copied
    /// only when `body` keeps a successor: most successors are states seen before. Under the
    /// model's reductions, the steps and states of the reduced search.
    @_spi(Search) public func forEachSuccessor(of state: ExtentState, _ body: (ExtentAction, ExtentState) -> Void) {
        var next = state
        forEachSuccessor(of: state, reduced: true, buildingIn: &next) { body($0, $1) }
    }

    /// Every enabled step and the canonical state it leads to, as `forEachSuccessor(of:_:)` gives
    /// them, each built in the buffer `scratch` holds then: the last successor's, or the one `body`
    /// exchanged it for.
    @_spi(Search) public func forEachSuccessor(
        of state: ExtentState, buildingIn scratch: inout ExtentState, _ body: (ExtentAction, inout ExtentState) -> Void
    ) {
        forEachSuccessor(of: state, reduced: true, buildingIn: &scratch, body)
    }

    /// Every enabled step and the state it leads to; `reduced`, under the model's reductions.
    func forEachSuccessor(of state: ExtentState, reduced: Bool, _ body: (ExtentAction, ExtentState) -> Void) {
        var next = state
        forEachSuccessor(of: state, reduced: reduced, buildingIn: &next) { body($0, $1) }
    }

    /// Every enabled step and the state it leads to, built in `next`; `reduced`, under the model's
    /// reductions.
    @inline(__always)
    private func forEachSuccessor(
        of state: ExtentState, reduced: Bool, buildingIn next: inout ExtentState, _ body: (ExtentAction, inout ExtentState) -> Void
    ) {
        if reduced, shape.reducesInterleavings || shape.symmetry != nil {
            forEachReducedSuccessor(of: state, buildingIn: &next, body)
            return
        }
        guard !shape.extendsSteps else {
            forEachEnabledAction(in: state) { action in
                next = canonical(step(action, from: state, fresh: StateLayout.fresh))
                body(action, &next)
            }
            return
        }
        // A model with readers, scrubbers or crashes extends its steps: this one has none.
        forEachEnabledActionOfTheWrite(in: state) { action in
            next.overwrite(with: state)
            apply(action, from: state, into: &next, fresh: StateLayout.fresh)
            canonicalize(&next)
            body(action, &next)
        }
    }

    /// The steps of the reduced search from `state`, and the states that stand for where they lead.
    /// Apart from the unreduced loop, which runs on every state of every other search.
    @inline(never)
    private func forEachReducedSuccessor(
        of state: ExtentState, buildingIn next: inout ExtentState, _ body: (ExtentAction, inout ExtentState) -> Void
    ) {
        let ample = shape.reducesInterleavings ? ampleSet(in: state) : nil
        func take(_ action: ExtentAction) {
            if shape.extendsSteps {
                next = step(action, from: state, fresh: StateLayout.fresh)
            } else {
                next.overwrite(with: state)
                apply(action, from: state, into: &next, fresh: StateLayout.fresh)
            }
            represent(&next)
            body(action, &next)
        }
        // A step taken alone is enabled: no need to list the others.
        if case .step(let action)? = ample { return take(action) }
        forEachEnabledAction(in: state) { action in
            if let ample, !ample.contains(action, in: self) { return }
            take(action)
        }
    }

    /// Whether every writer has finished its script or been stopped by a crash, every reader has
    /// finished its script, and every scrubber its passes.
    @_spi(Search) public func isFinished(_ state: ExtentState) -> Bool {
        writers.indices.allSatisfy { writer in
            let position = position(of: writer, in: state)
            return position.step == writers[writer].script.count || position.phase == .stopped
        }
            && readers.indices.allSatisfy { currentRead(of: $0, in: state) == nil }
            && scrubbers.indices.allSatisfy { state[layout.scrubberPosition($0)] == scrubbedBlocks(by: $0) }
    }
}
