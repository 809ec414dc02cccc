public import Explorer

extension ExtentModel {
    /// The trace of `property` along `path`, with concrete values for every word: a counterexample,
    /// or for a `sometimes` property an example.
    ///
    /// In symbolic mode the path is replayed with one name per fresh variable for the whole run
    /// (exploration renames them at every state). The property is judged again at the end of the
    /// path; the condition of the finding it reports is what the values must exhibit, and Z3 picks
    /// values under which it holds. The property's own sentence, judged once more with
    /// those values shown, is the trace's last line.
    public func trace(of path: Path<ExtentState, ExtentAction>, for property: ExtentProperty) throws -> Trace {
        var states = [path.initialState]
        var nextFresh = (layout.wordBase..<layout.count).map { path.initialState[$0] }
            .filter { $0 != StateLayout.none }.max().map { $0 + 1 } ?? 0
        for (action, explored) in path.steps {
            let next = step(action, from: states[states.count - 1], fresh: nextFresh)
            if case .mutate(_, _, nil) = action { nextFresh += 1 }
            precondition(canonical(next) == explored, "a replayed step reached another state than the search")
            states.append(next)
        }

        let recorder = TermDecider(model: self, renderer: namesRenderer, recording: true)
        _ = conclusion(of: property, path: path, states: states, decider: recorder)
        let render = try renderer(for: states, exhibiting: recorder.exhibited)
        let shown = TermDecider(model: self, renderer: render)
        let conclusion = conclusion(of: property, path: path, states: states, decider: shown) ?? property.meaning

        var steps: [Trace.Step] = []
        let initial = components(of: states[0], render)
        var previous = initial
        for (number, (action, state)) in zip(path.actions, states.dropFirst()).enumerated() {
            let current = components(of: state, render)
            steps.append(
                Trace.Step(
                    number: number + 1, actor: actor(of: action), step: describe(action, in: states[number]),
                    action: traceAction(of: action, in: states[number]), changes: changes(from: previous, to: current)))
            previous = current
        }
        return Trace(
            initial: initial.map { Trace.Change(what: $0.0, before: nil, after: $0.1) },
            steps: steps, conclusion: conclusion,
            explanation: explanation(of: property, actions: path.actions, states: states, decider: shown),
            states: states.map { snapshot(of: $0, render) })
    }

    /// What `property` says at the end of the path: of the last state, or of the last step.
    func conclusion(
        of property: ExtentProperty, path: Path<ExtentState, ExtentAction>, states: [ExtentState], decider: TermDecider
    ) -> String? {
        let final = states[states.count - 1]
        switch property.judge {
        case .state(let judge):
            let view = StateView(final, decider: decider)
            return (try? decider.firstPossible(try judge(view)) { view.conditions })?.sentence()
        case .transition(let kinds, let judge):
            guard let action = path.steps.last?.action, kinds.contains(kind(of: action)) else { return nil }
            let before = states[states.count - 2]
            let step = StepView(action: action, before: before, successor: final, decider: decider)
            let findings = { try judge(StateView(before, decider: decider), step) }
            return (try? decider.firstPossible(try findings()) { step.after.conditions })?.sentence()
        case .noDeadlock:
            var enabled = false
            forEachEnabledAction(in: final) { _ in enabled = true }
            let stuck = writers.indices.filter { position(of: $0, in: final).step < writers[$0].script.count }
            guard !enabled, !stuck.isEmpty else { return nil }
            let names = stuck.map { writers[$0].name }.joined(separator: ", ")
            return "no step can run, yet \(names) has not finished its script"
        }
    }

    /// How words and checksums read in the trace: hex values Z3 chose in symbolic mode,
    /// the values themselves in concrete mode.
    struct Renderer: Sendable {
        var word: @Sendable (UInt32) -> String
        /// A checksum with the words it sums, e.g. `0x7ac286c0 = crc32c(0x7b1dcdaf)`.
        var checksum: @Sendable ([UInt32]) -> String
        /// A checksum's value alone, e.g. `0x7ac286c0`; as `checksum` where values are not known.
        var sum: @Sendable ([UInt32]) -> String
        /// A word for tools: its value, or in a search's views its name.
        var value: @Sendable (UInt32) -> TraceValue
        /// A checksum's value for tools; nil where H is left abstract (concrete data) or values are not known.
        var sumValue: @Sendable ([UInt32]) -> TraceValue?

        /// A block's words: the word alone, or `[w0 w1 ...]`.
        func block(_ words: [UInt32]) -> String {
            words.count == 1 ? word(words[0]) : "[" + words.map(word).joined(separator: " ") + "]"
        }

        /// Concrete words as their values, checksums as `H(v ...)`.
        static let values = Renderer(
            word: { String($0) }, checksum: hashOfValues, sum: hashOfValues, value: { .integer(UInt64($0)) },
            sumValue: { _ in nil })

        /// Symbolic words by name, `w0`, `w1`, ...: what a property sees while the search runs.
        static let names = Renderer(
            word: { "w\($0)" }, checksum: hashOfNames, sum: hashOfNames, value: { .string("w\($0)") },
            sumValue: { _ in .string(checksumPlaceholder) })

        /// What `names` shows for a checksum's value: it is derived from the words, not read.
        static let checksumPlaceholder = "H"

        private static let hashOfValues: @Sendable ([UInt32]) -> String = { "H(\($0.map(String.init).joined(separator: " ")))" }
        private static let hashOfNames: @Sendable ([UInt32]) -> String = { "H(\($0.map { "w\($0)" }.joined(separator: " ")))" }
    }

    /// How views show terms while the search runs: by value in concrete mode, by name in symbolic mode.
    var namesRenderer: Renderer { concreteValues == nil ? .names : .values }

    /// Values for every variable of `states` under which `exhibited` holds, and the checksums of every
    /// summed list, including both sides of every checksum comparison.
    private func renderer(for states: [ExtentState], exhibiting exhibited: Condition.Formula?) throws -> Renderer {
        guard let oracle else { return .values }
        let (variables, checksummed) = witnessed(in: states, exhibiting: exhibited)
        // The values must satisfy what the outcomes on the way assumed: the last state's path condition.
        let witness = try oracle.witness(
            variables: variables, exhibiting: exhibited,
            conditions: pathCondition(of: states[states.count - 1]), checksummed: checksummed)
        return renderer(values: witness?.values ?? [:], sums: witness?.checksums ?? [:])
    }

    /// The variables of `states` and the word lists whose checksums a trace shows: every stored and
    /// computed checksum, and both sides of every checksum comparison in `exhibited`.
    func witnessed(
        in states: [ExtentState], exhibiting exhibited: Condition.Formula?
    ) -> (variables: [UInt32], checksummed: [[UInt32]]) {
        var variables = Set<UInt32>()
        var checksummed = Set<[UInt32]>()
        for state in states {
            for slot in layout.wordBase..<layout.count where state[slot] != StateLayout.none {
                variables.insert(state[slot])
            }
            let view = StateView(state, decider: TermDecider(model: self, renderer: .names))
            for block in view.stored {
                if let checksum = block.checksum { checksummed.insert(checksum.data.terms) }
            }
            for bio in view.bios {
                for block in bio.fileBlocks {
                    if let checksum = bio.checksum(at: block) { checksummed.insert(checksum.data.terms) }
                }
            }
        }
        for comparison in exhibited?.comparisons ?? [] where comparison.comparesChecksums {
            checksummed.insert(comparison.a.terms)
            checksummed.insert(comparison.b.terms)
        }
        return (variables.sorted(), checksummed.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Words and checksums shown as the values given: hexadecimal, checksums as `0x… = crc32c(…)`.
    func renderer(values: [UInt32: UInt64], sums: [[UInt32]: UInt64]) -> Renderer {
        let digits = wordDigits
        let checksumName = scenario.checksum.rawValue
        return Renderer(
            word: { Self.hex(values[$0] ?? 0, digits: digits) },
            checksum: { words in
                let sum = sums[words].map { Self.hex($0, digits: 8) } ?? "?"
                let data = words.map { Self.hex(values[$0] ?? 0, digits: digits) }.joined(separator: " ")
                return "\(sum) = \(checksumName)(\(data))"
            },
            sum: { words in sums[words].map { Self.hex($0, digits: 8) } ?? "?" },
            value: { .integer(values[$0] ?? 0) },
            sumValue: { words in sums[words].map(TraceValue.integer) })
    }

    /// The hexadecimal digits of a word: a word's value is shown with all of them.
    var wordDigits: Int { (geometry.wordBits + 3) / 4 }

    /// `value` as `0x` and at least `digits` hexadecimal digits: how traces show words and checksums.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The state in lines for a drawing: every part as `what: value`, words by name in symbolic
    /// mode (as the search's states name them) and by value in concrete mode.
    public func summary(of state: ExtentState) -> [String] {
        components(of: state, namesRenderer).map { "\($0.0): \($0.1)" }
    }

    /// The state part by part, in a fixed order, as (what, value) pairs; absent parts are left out.
    func components(of state: ExtentState, _ render: Renderer) -> [(String, String)] {
        let view = StateView(state, decider: TermDecider(model: self, renderer: render))
        var parts: [(String, String)] = []
        for writer in view.writers {
            let status: String
            if let step = writer.currentStep.map(describe) {
                switch writer.waitingFor {
                case nil: status = "next: \(step)"
                case .bio: status = "in \(step), waiting for its bio"
                case .writeback: status = "in \(step), waiting for writeback"
                }
            } else {
                status = "finished"
            }
            parts.append((writer.name, status))
        }
        for mutator in view.mutators {
            parts.append(("\(mutator.name) budget", String(mutator.budgetLeft)))
        }
        for buffer in view.buffers {
            for block in 0..<buffer.blocks {
                parts.append(("\(buffer.name) block \(block)", view.show(buffer.data(block: block))))
            }
        }
        for folio in view.folios {
            var status = folio.isDirty ? "dirty" : "clean"
            if folio.isUnderWriteback { status += ", under writeback" }
            parts.append(("folio \(folio.block)", "\(view.show(folio.data)) (\(status))"))
        }
        for bio in view.bios {
            let blocks = bio.fileBlocks
            let source: String =
                switch bio.source {
                case .buffer(let name), .bounceCopy(of: let name): "\(name) (\(directIOPath.rawValue))"
                case .folio(let block): "folio \(block)"
                case .folioCopy(let block): "a copy of folio \(block)"
                }
            parts.append((bio.name, "blocks \(blocks.lowerBound)..\(blocks.upperBound - 1) from \(source)"))
            for block in blocks {
                switch bio.source {
                case .bounceCopy: parts.append(("\(bio.name) bounce block \(block)", view.show(bio.sourceData(at: block))))
                case .folioCopy: parts.append(("\(bio.name) copy of block \(block)", view.show(bio.sourceData(at: block))))
                case .buffer, .folio: break
                }
                if let checksum = bio.checksum(at: block) {
                    parts.append(("\(bio.name) csum block \(block)", view.show(checksum)))
                }
                for mirror in 0..<geometry.mirrors {
                    guard let received = bio.received(mirror: mirror, at: block) else { continue }
                    parts.append(("\(bio.name) dma mirror \(mirror) block \(block)", view.show(received)))
                }
            }
        }
        for block in view.stored {
            for (mirror, data) in block.mirrors.enumerated() {
                let what = geometry.mirrors == 1 ? "stored block \(block.index)" : "stored block \(block.index) mirror \(mirror)"
                parts.append((what, view.show(data)))
            }
            parts.append(("stored block \(block.index) csum", block.checksum.map(view.show) ?? "none"))
        }
        return parts
    }

    private func changes(from before: [(String, String)], to after: [(String, String)]) -> [Trace.Change] {
        let old = Dictionary(before, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after, uniquingKeysWith: { first, _ in first })
        var changes: [Trace.Change] = []
        for (what, value) in after where old[what] != value {
            changes.append(Trace.Change(what: what, before: old[what], after: value))
        }
        // A part that goes takes its sub-parts with it: `bio qemu` gone says all of `bio qemu csum ...`.
        let gone = before.filter { new[$0.0] == nil }
        for (what, value) in gone where !gone.contains(where: { what.hasPrefix($0.0 + " ") }) {
            changes.append(Trace.Change(what: what, before: value, after: nil))
        }
        return changes
    }
}
