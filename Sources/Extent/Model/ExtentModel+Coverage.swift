/// The model's steps as coverage counts them: each by kind and actor, and every such step the
/// scenario has an actor for, whether or not a reachable state enables it.
extension ExtentModel {
    /// The kind of `action` and who takes it; never nil: every step is counted.
    @_spi(Search) public func coverageKey(of action: ExtentAction) -> StepCoverageKey? {
        switch action {
        case .writerStep(let writer, _): StepCoverageKey(kind(of: action), by: .writer(writer))
        case .writeback: StepCoverageKey(.writeback, by: .flusher)
        case .checksum: StepCoverageKey(.csum, by: .kernel)
        case .transfer: StepCoverageKey(.dma, by: .device)
        case .complete: StepCoverageKey(.complete, by: .kernel)
        case .failedCompletion: StepCoverageKey(.complete, fails: true, by: .kernel)
        case .mutate(let mutator, _, _): StepCoverageKey(.mutate, by: .mutator(mutator))
        case .read(let reader): StepCoverageKey(.read, by: .reader(reader))
        case .fetch(let reader, _): StepCoverageKey(.fetch, by: .reader(reader))
        case .check(let reader, let passes): StepCoverageKey(.check, fails: !passes, by: .reader(reader))
        case .repair(let reader, _): StepCoverageKey(.repair, by: .reader(reader))
        case .endRead(let reader): StepCoverageKey(.end, by: .reader(reader))
        case .scrub(let scrubber, _): StepCoverageKey(.scrub, by: .scrubber(scrubber))
        case .crash: StepCoverageKey(.crash, by: .power)
        }
    }

    /// Every step, by coverage key, that the model has the actor and the mechanism for, in order: a
    /// writer's steps are its script's kinds, a failing `complete` needs a policy that checks the bio,
    /// a mutator needs budget and something to change. A step listed may still be enabled in no
    /// reachable state; a step not listed never is.
    package var possibleSteps: [StepCoverageKey] {
        var steps: Set<StepCoverageKey> = []
        for (index, writer) in writers.enumerated() {
            for step in writer.script { steps.insert(StepCoverageKey(kind(of: step), by: .writer(index))) }
        }
        if dirtiesFolios { steps.insert(StepCoverageKey(.writeback, by: .flusher)) }
        steps.formUnion(possibleBioSteps)
        for (index, mutator) in mutators.enumerated() where mutator.budget > 0 {
            if case .pageCache = mutator.target, !cachesFolios { continue }
            steps.insert(StepCoverageKey(.mutate, by: .mutator(index)))
        }
        for (index, reader) in readers.enumerated() where !reader.script.isEmpty {
            steps.formUnion(possibleReadSteps(by: index))
        }
        for (index, scrubber) in scrubbers.enumerated() where scrubber.passes > 0 && geometry.blocks > 0 {
            steps.insert(StepCoverageKey(.scrub, by: .scrubber(index)))
        }
        if scenario.crashes > 0 { steps.insert(StepCoverageKey(.crash, by: .power)) }
        return steps.sorted()
    }

    /// The name of `actor`, as traces and `actor(of:)` name it.
    package func name(of actor: StepCoverageKey.Actor) -> String {
        switch actor {
        case .writer(let writer): writers[writer].name
        case .flusher: Self.flusherActor
        case .kernel: Self.kernelActor
        case .device: Self.deviceActor
        case .mutator(let mutator): mutators[mutator].name
        case .reader(let reader): readers[reader].name
        case .scrubber(let scrubber): scrubbers[scrubber].name
        case .power: Self.powerActor
        }
    }

    /// The kind of a step of a writer's script.
    func kind(of step: WriterStep) -> StepView.Kind {
        switch step {
        case .directWrite: .dioWrite
        case .bufferedWrite: .write
        case .fsync: .fsync
        }
    }

    /// Whether a writer's write goes through the page cache: a buffered write, or an O_DIRECT one
    /// that the policy sends through it.
    private var writesFolios: Bool {
        writers.contains { writer in
            writer.script.contains { step in
                switch step {
                case .bufferedWrite: true
                case .directWrite: directIOPath == .buffered
                case .fsync: false
                }
            }
        }
    }

    /// Whether a folio can be cached: written, or filled by a reader's `read`.
    private var cachesFolios: Bool {
        writesFolios || readers.contains { $0.script.contains { if case .read = $0 { true } else { false } } }
    }

    /// Whether a folio can be dirtied: written, or changed by a mutator of the page cache.
    private var dirtiesFolios: Bool {
        writesFolios || (cachesFolios && mutators.contains { $0.budget > 0 && $0.target == .pageCache })
    }

    /// The kernel's and the device's steps on the bios the scenario can put in flight: a writer's
    /// direct or bounce bio, a folio's writeback bio.
    private var possibleBioSteps: [StepCoverageKey] {
        let directWriter = writers.firstIndex { $0.script.contains { if case .directWrite = $0 { true } else { false } } }
        var owners: [BioOwner] = []
        if let directWriter, directIOPath != .buffered { owners.append(.writer(directWriter)) }
        if dirtiesFolios { owners.append(.writeback(0)) }
        guard !owners.isEmpty else { return [] }
        var steps = [StepCoverageKey(.dma, by: .device), StepCoverageKey(.complete, by: .kernel)]
        if owners.contains(where: checksums) { steps.append(StepCoverageKey(.csum, by: .kernel)) }
        if owners.contains(where: { verifies($0) || guards($0) }) {
            steps.append(StepCoverageKey(.complete, fails: true, by: .kernel))
        }
        return steps
    }

    /// A reader's steps: every read may fetch, check and end; a check can fail only where blocks
    /// have checksums, and a failed mirror is repaired only under `read-repair: yes`, from another
    /// mirror or a second read.
    private func possibleReadSteps(by reader: Int) -> [StepCoverageKey] {
        var steps = [StepView.Kind.read, .fetch, .check, .end].map { StepCoverageKey($0, by: .reader(reader)) }
        guard policy.checksumsAnything else { return steps }
        steps.append(StepCoverageKey(.check, fails: true, by: .reader(reader)))
        if policy.readRepair == .yes, geometry.mirrors > 1 || policy.readFailure == .rereadStable {
            steps.append(StepCoverageKey(.repair, by: .reader(reader)))
        }
        return steps
    }
}
