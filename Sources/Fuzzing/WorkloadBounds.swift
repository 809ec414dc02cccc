public import Extent

/// The largest workload the fuzzer generates, dimension by dimension: every generated workload has
/// at least one block, word, mirror and writer, at least one step per script, budgets of at least 1,
/// and at most what these bounds say. Readers and the scrubber are off unless asked for.
public struct WorkloadBounds: Hashable, Sendable, Codable {
    /// The most blocks in the file.
    public var blocks: Int
    /// The most words in a block.
    public var blockWords: Int
    /// The most copies of each stored block: 1 or 2.
    public var mirrors: Int
    /// The most writers.
    public var writers: Int
    /// The most steps in one writer's script.
    public var scriptSteps: Int
    /// The most mutators; 0 generates none.
    public var mutators: Int
    /// The largest budget of one mutator.
    public var budget: Int
    /// The most readers, each making one read; 0 generates none.
    public var readers: Int
    /// Whether workloads may have a scrubber of one pass (generated with and without).
    public var scrub: Bool

    /// Creates bounds; the defaults keep a symbolic check of every workload to milliseconds.
    public init(
        blocks: Int = 2, blockWords: Int = 1, mirrors: Int = 1, writers: Int = 2, scriptSteps: Int = 2,
        mutators: Int = 1, budget: Int = 2, readers: Int = 0, scrub: Bool = false
    ) {
        self.blocks = blocks
        self.blockWords = blockWords
        self.mirrors = mirrors
        self.writers = writers
        self.scriptSteps = scriptSteps
        self.mutators = mutators
        self.budget = budget
        self.readers = readers
        self.scrub = scrub
    }

    /// Why these bounds generate nothing or more than a model may hold, in words; nil if they are usable.
    public var problem: String? {
        let limits: [(String, Int, ClosedRange<Int>)] = [
            ("blocks", blocks, 1...Geometry.maximumBlocks),
            ("words", blockWords, 1...Geometry.maximumBlockWords),
            ("mirrors", mirrors, 1...2),
            ("writers", writers, 1...8),
            ("script", scriptSteps, 1...8),
            ("mutators", mutators, 0...8),
            ("budget", budget, 1...Scenario.Actor.maximumBudget),
            ("readers", readers, 0...8),
        ]
        for (name, value, range) in limits where !range.contains(value) {
            return "--max-\(name) must be \(range.lowerBound) through \(range.upperBound), found \(value)"
        }
        let actors = writers + mutators + readers + (scrub ? 1 : 0)
        guard actors <= Scenario.maximumActors else {
            return "writers, mutators, readers and the scrubber number at most \(Scenario.maximumActors) "
                + "together, found \(actors)"
        }
        return nil
    }

    /// The built-in invariants workloads within the bounds decide unless told otherwise: those of
    /// writers and mutators, and of §9's those some workload can violate: `reads-succeed` where
    /// readers are allowed, `scrub-finds-damage` where a scrubber is, `no-false-alarm` where either is.
    public var builtInInvariants: [ExtentProperty] {
        ExtentProperty.builtIn.filter { property in
            switch property {
            case .readsSucceed: readers > 0
            case .scrubFindsDamage: scrub
            case .noFalseAlarm: readers > 0 || scrub
            default: true
            }
        }
    }

    /// Why no workload within the bounds can violate `property`, if none can: a property of mirrors
    /// needs two, one of reads a reader, one of scrubs a scrubber. Nil if some workload may.
    public func whyUnreachable(_ property: ExtentProperty) -> String? {
        switch property {
        case .mirrorsAgree where mirrors < 2: "one mirror; --max-mirrors 2 allows a second"
        case .readsSucceed where readers == 0: "no readers; --max-readers allows them"
        case .noFalseAlarm where readers == 0 && !scrub: "no readers and no scrubber; --max-readers or --scrub allows them"
        case .scrubFindsDamage where !scrub: "no scrubber; --scrub allows one"
        default: nil
        }
    }

    /// Whether `workload` lies within the bounds.
    public func contains(_ workload: Workload) -> Bool {
        let geometry = workload.geometry
        return (1...blocks).contains(geometry.blocks) && (1...blockWords).contains(geometry.blockWords)
            && (1...mirrors).contains(geometry.mirrors) && (1...writers).contains(workload.writers.count)
            && workload.writers.allSatisfy { (1...scriptSteps).contains($0.count) }
            && workload.mutators.count <= mutators && workload.mutators.allSatisfy { (1...budget).contains($0.budget) }
            && workload.readers.count <= readers && (scrub || !workload.scrub)
    }
}

extension WorkloadBounds: CustomStringConvertible {
    /// The bounds as a report quotes them: "≤ 2 blocks, ≤ 2 writers, scripts ≤ 2 steps, budgets ≤ 2";
    /// readers and the scrubber only when allowed.
    public var description: String {
        func most(_ value: Int, _ noun: String) -> String { "≤ \(value) \(noun)\(value == 1 ? "" : "s")" }
        var parts = [most(blocks, "block")]
        if blockWords > 1 { parts.append("≤ \(blockWords) words a block") }
        if mirrors > 1 { parts.append(most(mirrors, "mirror")) }
        parts += [most(writers, "writer"), "scripts ≤ \(scriptSteps) step\(scriptSteps == 1 ? "" : "s")"]
        parts.append(mutators == 0 ? "no mutators" : "\(most(mutators, "mutator")), budgets ≤ \(budget)")
        if readers > 0 { parts.append(most(readers, "reader")) }
        if scrub { parts.append("a scrubber") }
        return parts.joined(separator: ", ")
    }
}
