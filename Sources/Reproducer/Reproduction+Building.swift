public import ExtentCheck
internal import Foundation

extension Reproduction {
    /// Loads the model file at `path`, checks it under every policy it lists and `policy`, and
    /// builds the reproduction of `invariant`'s counterexample (by default the first violated one).
    ///
    /// Throws `ModelFileError` for a bad file, `CheckError` for a policy the model cannot be checked
    /// under, and `ReproductionError` as `init(scenario:policy:invariant:report:modelText:)` does.
    public init(checking path: String, policy: String, invariant: String? = nil, options: CheckOptions = CheckOptions()) throws {
        let scenario = try ExtentChecker.loadModel(at: path)
        let modelText = try String(contentsOfFile: path, encoding: .utf8)
        let names = scenario.policies.map(\.name)
        var options = options
        options.policies = names.contains(policy) ? names : names + [policy]
        let report = try ExtentChecker(options: options).check(scenario)
        try self.init(scenario: scenario, policy: policy, invariant: invariant, report: report, modelText: modelText)
    }

    /// The reproduction of `scenario` under `policy`, from a report of checking it: the
    /// counterexample to `invariant` (by default the first violated built-in invariant), and the
    /// verdicts of every policy the report has.
    ///
    /// Throws `ReproductionError` when the report has no such policy or the model no such
    /// invariant, the invariant is not built in (a property stated in Swift has no kernel
    /// counterpart), or the report was checked with crashes (no program can crash its kernel). An invariant that holds is no error: the reproduction is then built from the
    /// scenario alone, and shows what the kernel should never do.
    public init(
        scenario: Scenario, policy: String, invariant: String? = nil, report: ModelReport, modelText: String
    ) throws(ReproductionError) {
        guard report.crashes == 0 else { throw .crashes(model: scenario.name, count: report.crashes) }
        guard let checked = report.policy(named: policy) else {
            throw .policyNotChecked(policy, checked: report.policies.map(\.policy))
        }
        let builtIn = scenario.invariants.filter(\.isBuiltIn).map(\.name)
        if let invariant, !builtIn.contains(invariant) {
            throw scenario.invariants.contains(where: { $0.name == invariant })
                ? .notBuiltIn(invariant) : .invariantNotInModel(invariant, model: scenario.name, known: builtIn)
        }
        let counterexample = checked.results.first { result in
            result.verdict == .violated && result.trace != nil
                && (invariant.map { $0 == result.property } ?? builtIn.contains(result.property))
        }
        let document = counterexample.flatMap { result in
            report.traceDocuments.first { $0.policy == policy && $0.property == result.property }
        }
        let trace = document?.trace
        let states = trace.flatMap { $0.states.count == $0.steps.count + 1 ? $0.states : nil }

        let geometry = scenario.geometry
        let mask = geometry.wordBits >= 32 ? UInt32.max : UInt32(1) << geometry.wordBits - 1
        let (buffers, storedWords) = Self.initialWords(of: scenario, in: states?.first, mask: mask)
        var writers: [WriterScript] = []
        var mutators: [MutatorPlan] = []
        var readers: [ReaderScript] = []
        var scrubPasses = 0
        for actor in scenario.actors {
            switch actor.role {
            case .writer(let script):
                writers.append(WriterScript(name: actor.name, script: script))
            case .mutator(let target, _):
                var changes = trace.map { Self.changes(by: actor.name, of: target, in: scenario, along: $0, states: states) } ?? []
                if changes.isEmpty {
                    changes = Self.everyWord(of: target, in: scenario, buffers: buffers, stored: storedWords, mask: mask)
                }
                mutators.append(MutatorPlan(name: actor.name, changes: changes))
            case .reader(let script):
                readers.append(ReaderScript(name: actor.name, script: script))
            case .scrubber(let passes):
                scrubPasses += passes
            }
        }
        let verdicts = Self.verdicts(in: report, of: builtIn)
        self.init(
            model: scenario.name, about: scenario.about, policy: policy, invariant: document?.property ?? invariant,
            steps: trace?.steps.map { "\($0.number). \($0.actor) \($0.step)" } ?? [],
            settings: Self.settings(for: verdicts.keys, in: scenario),
            mirrors: geometry.mirrors, fileBlocks: geometry.blocks, blockWords: geometry.blockWords,
            storedWords: storedWords, buffers: buffers, writers: writers, readers: readers, mutators: mutators,
            scrubPasses: scrubPasses, comparesCopies: Self.comparingCopies(verdicts.keys, in: scenario), verdicts: verdicts,
            invariants: builtIn, document: document, modelText: modelText)
    }

    /// The buffers and the stored file's words as the counterexample's first state has them, or,
    /// where it has none, distinct made-up words within `mask`.
    private static func initialWords(
        of scenario: Scenario, in initial: [String: TraceValue]?, mask: UInt32
    ) -> (buffers: [BufferImage], stored: [UInt32]) {
        let geometry = scenario.geometry
        let buffers = scenario.buffers.enumerated().map { index, buffer in
            let count = buffer.blocks * geometry.blockWords
            let recorded = initial?.record("buffers")?.entry(buffer.name)?.words ?? []
            let words = recorded.count == count
                ? recorded : (0..<count).map { UInt32(truncatingIfNeeded: 0x5A00_0000 + (index + 1) << 16 + $0) & mask }
            return BufferImage(name: buffer.name, blocks: buffer.blocks, words: words)
        }
        let recordedStored = initial?.list("stored")?.flatMap { $0.record("mirrors")?.list?.first?.words ?? [] } ?? []
        let storedCount = geometry.blocks * geometry.blockWords
        let stored = recordedStored.count == storedCount
            ? recordedStored : (0..<storedCount).map { UInt32(truncatingIfNeeded: 0x00C0_FFEE + $0) & mask }
        return (buffers, stored)
    }

    /// The words the mutator `actor` changes in `target` along `trace`, each once, in the order it
    /// first changes them; none without the trace's states.
    private static func changes(
        by actor: String, of target: MutationTarget, in scenario: Scenario, along trace: Trace, states: [[String: TraceValue]]?
    ) -> [WordChange] {
        guard let states else { return [] }
        var changes: [WordChange] = []
        for (number, step) in zip(1..., trace.steps) where step.actor == actor {
            for change in Self.changes(of: target, in: scenario, from: states[number - 1], to: states[number])
            where !changes.contains(change) {
                changes.append(change)
            }
        }
        return changes
    }

    /// The report's verdicts on the built-in invariants `builtIn`, by policy and then by invariant.
    private static func verdicts(in report: ModelReport, of builtIn: [String]) -> [String: [String: Verdict]] {
        var verdicts: [String: [String: Verdict]] = [:]
        for policyReport in report.policies {
            for result in policyReport.results where builtIn.contains(result.property) {
                verdicts[policyReport.policy, default: [:]][result.property] = result.verdict
            }
        }
        return verdicts
    }

    /// How the runner sets the file up under each of `policies`: without checksums where the policy
    /// checksums nothing.
    private static func settings(for policies: some Sequence<String>, in scenario: Scenario) -> [String: FileSetting] {
        var settings: [String: FileSetting] = [:]
        for name in policies {
            let checksums = (scenario.policy(named: name) ?? Policy.builtIn(named: name))?.checksumsAnything ?? true
            settings[name] = checksums ? .checksummed : .noDataChecksums
        }
        return settings
    }

    /// Those of `policies` whose scrub compares copies instead of checksums.
    private static func comparingCopies(_ policies: some Sequence<String>, in scenario: Scenario) -> Set<String> {
        Set(policies.filter { name in
            (scenario.policy(named: name) ?? Policy.builtIn(named: name))?.scrub == .compareCopies
        })
    }

    /// The words of `target` that differ between two states of a trace.
    private static func changes(
        of target: MutationTarget, in scenario: Scenario, from before: [String: TraceValue], to after: [String: TraceValue]
    ) -> [WordChange] {
        let blockWords = scenario.geometry.blockWords
        func differences(_ old: [UInt32], _ new: [UInt32], buffer: Int?, firstBlock: Int) -> [WordChange] {
            zip(old.indices, zip(old, new)).compactMap { index, pair in
                pair.0 == pair.1
                    ? nil
                    : WordChange(
                        buffer: buffer, block: firstBlock + index / blockWords, word: index % blockWords,
                        from: pair.0, to: pair.1)
            }
        }
        switch target {
        case .buffer(let index):
            let name = scenario.buffers[index].name
            guard let old = before.record("buffers")?.entry(name)?.words,
                let new = after.record("buffers")?.entry(name)?.words, old.count == new.count
            else { return [] }
            return differences(old, new, buffer: index, firstBlock: 0)
        case .pageCache:
            guard case .map(let new)? = after["folios"] else { return [] }
            let old: [TraceValue: TraceValue] =
                if case .map(let folios)? = before["folios"] { folios } else { [:] }
            return new.keys.sorted { $0.integer ?? 0 < $1.integer ?? 0 }.flatMap { key -> [WordChange] in
                guard let block = key.integer, let newWords = new[key]?.record("data")?.words,
                    let oldWords = old[key]?.record("data")?.words, oldWords.count == newWords.count
                else { return [] }
                return differences(oldWords, newWords, buffer: nil, firstBlock: Int(block))
            }
        }
    }

    /// Every word of `target`, each changed from its first value to one that differs in every bit.
    private static func everyWord(
        of target: MutationTarget, in scenario: Scenario, buffers: [BufferImage], stored: [UInt32], mask: UInt32
    ) -> [WordChange] {
        let blockWords = scenario.geometry.blockWords
        let located: [(buffer: Int?, index: Int, value: UInt32)] =
            switch target {
            case .buffer(let index): buffers[index].words.enumerated().map { (index, $0.offset, $0.element) }
            case .pageCache: stored.enumerated().map { (nil, $0.offset, $0.element) }
            }
        return located.map { buffer, index, value in
            WordChange(buffer: buffer, block: index / blockWords, word: index % blockWords, from: value, to: ~value & mask)
        }
    }
}

extension TraceValue {
    fileprivate func record(_ field: String) -> TraceValue? {
        guard case .record(let fields) = self else { return nil }
        return fields[field]
    }

    fileprivate func list(_ field: String) -> [TraceValue]? { record(field)?.list }

    /// The value a map (a part keyed by name, such as `buffers`) has for `name`.
    fileprivate func entry(_ name: String) -> TraceValue? {
        guard case .map(let entries) = self else { return nil }
        return entries[.string(name)]
    }

    fileprivate var list: [TraceValue]? {
        guard case .list(let items) = self else { return nil }
        return items
    }

    fileprivate var integer: UInt64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    /// A list of words; nil if any item is not a 32-bit integer.
    fileprivate var words: [UInt32]? {
        guard let items = list else { return nil }
        let words = items.compactMap { $0.integer.flatMap(UInt32.init(exactly:)) }
        return words.count == items.count ? words : nil
    }
}

extension Dictionary where Key == String, Value == TraceValue {
    fileprivate func record(_ field: String) -> TraceValue? { self[field] }
    fileprivate func list(_ field: String) -> [TraceValue]? { self[field]?.list }
}
