extension Scenario {
    /// The most user buffers a scenario may have.
    public static let maximumBuffers = 16
    /// The most actors, writers, mutators, readers and scrubbers together, a scenario may have.
    public static let maximumActors = 16
    /// The most steps a writer's or a reader's script may have.
    public static let maximumScriptSteps = 64
    /// The longest name, in UTF-8 bytes, a scenario or any of its parts may have: names make file
    /// names and report lines.
    public static let maximumNameLength = 128
    /// The most crashes a scenario may have: one is enough for every verdict of §10.
    public static let maximumCrashes = 8

    /// Throws `ScenarioError` for the first part of the scenario that cannot be checked, in the order
    /// a model file is read: geometry, buffers, data mode, actors, crashes, policies, invariants,
    /// expectations.
    ///
    /// A scenario that passes can be explored, written as a model file and checked without a trap,
    /// and within its search limits: sizes are within the maxima of `Geometry`, `Scenario`,
    /// `Scenario.Actor` and `DataMode`, every index names something that exists, and names are unique.
    public func validate() throws(ScenarioError) {
        try validateName()
        try validateGeometry()
        try validateBuffers()
        try validateData()
        try validateActors()
        try validateCrashes()
        try validatePolicies()
        try validateInvariants()
        try validateExpectations()
    }

    /// The error of `fault` about `subject`, in this scenario.
    func error(_ subject: ScenarioError.Subject, _ fault: ScenarioError.Fault) -> ScenarioError {
        ScenarioError(scenario: name, subject: subject, field: fault.field, problem: fault.problem)
    }

    /// Throws for a scenario name longer than `maximumNameLength`.
    package func validateName() throws(ScenarioError) {
        guard name.utf8.count > Self.maximumNameLength else { return }
        throw error(.scenario, .init(.name, Self.tooLong(name, what: "a scenario")))
    }

    /// Why `name` cannot name a `what` (e.g. "an actor"), or nil if it can: it is empty or too long.
    package static func fault(name: String, what: String) -> ScenarioError.Fault? {
        if name.isEmpty { return .init(.name, "\(what) needs a name") }
        if name.utf8.count > maximumNameLength { return .init(.name, tooLong(name, what: what)) }
        return nil
    }

    /// The problem of a name over `maximumNameLength`.
    private static func tooLong(_ name: String, what: String) -> String {
        "\(what)'s name has at most \(maximumNameLength) bytes, found \(name.utf8.count)"
    }

    /// Throws for a geometry outside the supported sizes.
    package func validateGeometry() throws(ScenarioError) {
        if let fault = geometry.fault { throw error(.scenario, fault) }
    }

    /// Throws for too many buffers, or a buffer with no name, a name taken, or a length outside the supported sizes.
    package func validateBuffers() throws(ScenarioError) {
        guard buffers.count <= Self.maximumBuffers else {
            throw error(.scenario, .init(.buffers, "at most \(Self.maximumBuffers) buffers, found \(buffers.count)"))
        }
        for (index, buffer) in buffers.enumerated() {
            let subject = ScenarioError.Subject.buffer(index: index, name: buffer.name)
            if let fault = Buffer.fault(name: buffer.name) ?? Buffer.fault(blocks: buffer.blocks) { throw error(subject, fault) }
            if let first = buffers[..<index].firstIndex(where: { $0.name == buffer.name }) {
                throw error(subject, .init(.name, "buffer '\(buffer.name)' is already listed (buffers[\(first)])"))
            }
        }
    }

    /// Throws for a number of crashes below 0 or over `maximumCrashes`.
    package func validateCrashes() throws(ScenarioError) {
        guard (0...Self.maximumCrashes).contains(crashes) else {
            throw error(.scenario, .init(.crashes, "crashes must be 0 through \(Self.maximumCrashes), found \(crashes)"))
        }
    }

    /// Throws for a `concrete:K` whose K is out of range, whose values do not fit the words, or that
    /// gives more initial states than a search may start from. Needs a valid geometry and buffers.
    package func validateData() throws(ScenarioError) {
        if let problem = data.problem(for: self) { throw error(.scenario, .init(.data, problem)) }
    }

    /// Throws for too many actors, an actor with no name or a name taken, a script too long, or a
    /// step or mutator that names what does not exist. Needs a valid geometry and buffers.
    package func validateActors() throws(ScenarioError) {
        guard actors.count <= Self.maximumActors else {
            throw error(.scenario, .init(.actors, "at most \(Self.maximumActors) actors, found \(actors.count)"))
        }
        for (index, actor) in actors.enumerated() {
            let subject = ScenarioError.Subject.actor(index: index, name: actor.name)
            if let fault = Self.fault(name: actor.name, what: "an actor") { throw error(subject, fault) }
            if let first = actors[..<index].firstIndex(where: { $0.name == actor.name }) {
                throw error(subject, .init(.name, "actor '\(actor.name)' is already listed (actors[\(first)])"))
            }
            switch actor.role {
            case .writer(let script):
                try validateScript(script.map(fault(of:)), of: actor, at: index)
            case .reader(let script):
                try validateScript(script.map(fault(of:)), of: actor, at: index)
            case .mutator(let target, let budget):
                if let fault = fault(ofMutator: target, budget: budget) { throw error(subject, fault) }
            case .scrubber(let passes):
                guard (1...Actor.maximumPasses).contains(passes) else {
                    throw error(subject, .init(.passes, "passes must be 1 through \(Actor.maximumPasses), found \(passes)"))
                }
            }
        }
    }

    /// Throws for a script of `actor` (at `index`) that is too long, or the first of its steps' faults.
    private func validateScript(_ faults: [ScenarioError.Fault?], of actor: Actor, at index: Int) throws(ScenarioError) {
        guard faults.count <= Self.maximumScriptSteps else {
            throw error(
                .actor(index: index, name: actor.name),
                .init(.script, "a script has at most \(Self.maximumScriptSteps) steps, found \(faults.count)"))
        }
        for (position, fault) in faults.enumerated() {
            if let fault { throw error(.step(actor: index, name: actor.name, step: position), fault) }
        }
    }

    /// Throws for no policy, or a policy with no name, a name taken, or the name of a built-in
    /// policy it differs from.
    package func validatePolicies() throws(ScenarioError) {
        guard !policies.isEmpty else { throw error(.scenario, .init(.policies, "policies must list at least one policy")) }
        for (index, policy) in policies.enumerated() {
            let subject = ScenarioError.Subject.policy(index: index, name: policy.name)
            if let fault = Self.fault(name: policy.name, what: "a policy") { throw error(subject, fault) }
            if let first = policies[..<index].firstIndex(where: { $0.name == policy.name }) {
                throw error(subject, .init(.name, "policy '\(policy.name)' is already listed (policies[\(first)])"))
            }
            if let builtIn = Policy.builtIn(named: policy.name), builtIn != policy {
                throw error(subject, .init(.name, "'\(policy.name)' is a built-in policy; give the custom policy another name"))
            }
        }
    }

    /// Throws for a property with no name or a name taken.
    package func validateInvariants() throws(ScenarioError) {
        for (index, invariant) in invariants.enumerated() {
            let subject = ScenarioError.Subject.invariant(index: index, name: invariant.name)
            if let fault = Self.fault(name: invariant.name, what: "a property") { throw error(subject, fault) }
            if let first = invariants[..<index].firstIndex(where: { $0.name == invariant.name }) {
                throw error(subject, .init(.name, "invariant '\(invariant.name)' is already listed (invariants[\(first)])"))
            }
        }
    }

    /// Throws for expectations under a policy the scenario does not check.
    package func validateExpectations() throws(ScenarioError) {
        for name in expectations.keys.sorted() where policy(named: name) == nil {
            throw error(
                .expectation(policy: name, property: nil),
                .init(
                    .expectations,
                    "expect names policy '\(name)', which the model does not check (policies: "
                        + "\(policies.map(\.name).joined(separator: ", ")))"))
        }
    }
}

extension Scenario {
    /// Why `step` cannot run in this scenario, or nil if it can: a write must read a buffer that
    /// exists, within it, into blocks of the file. Needs a valid geometry and buffers.
    package func fault(of step: WriterStep) -> ScenarioError.Fault? {
        switch step {
        case .fsync: nil
        case .directWrite(let range), .bufferedWrite(let range): fault(of: range)
        }
    }

    /// Why `step` cannot run in this scenario, or nil if it can: a read must read blocks of the file,
    /// and an O_DIRECT read into a buffer that exists and holds them. Needs a valid geometry and buffers.
    package func fault(of step: ReaderStep) -> ScenarioError.Fault? {
        switch step {
        case .read(let at, let blocks): fault(ofBlocks: at, blocks)
        case .directRead(let range): fault(of: range)
        }
    }

    /// Why file blocks `at..<at+blocks` are not a range of the file, or nil if they are.
    private func fault(ofBlocks at: Int, _ blocks: Int) -> ScenarioError.Fault? {
        let last = geometry.blocks - 1
        guard (0...last).contains(at) else {
            return .init(.at, "at must be a block of the file, 0 through \(last), found \(at)")
        }
        guard blocks >= 1 else { return .init(.blocks, "blocks must be 1 or more, found \(blocks)") }
        // Both are at most the maximum number of blocks by now, once blocks is checked against the
        // file's size: the sum cannot overflow.
        guard blocks <= geometry.blocks, at + blocks <= geometry.blocks else {
            return .init(.at, "range \(at)..\(at &+ blocks &- 1) is past the end of the file (blocks: \(geometry.blocks))")
        }
        return nil
    }

    /// Why a write of `range` (or an O_DIRECT read into its buffer) cannot run in this scenario, or nil if it can.
    package func fault(of range: IORange) -> ScenarioError.Fault? {
        guard buffers.indices.contains(range.buffer) else { return bufferFault(range.buffer, field: .buffer) }
        let buffer = buffers[range.buffer]
        let last = geometry.blocks - 1
        guard (0...last).contains(range.at) else {
            return .init(.at, "at must be a block of the file, 0 through \(last), found \(range.at)")
        }
        guard range.blocks >= 1 else { return .init(.blocks, "blocks must be 1 or more, found \(range.blocks)") }
        guard range.blocks <= buffer.blocks else {
            return .init(
                .blocks,
                "blocks \(range.blocks) is more than buffer '\(buffer.name)' holds"
                    + " (\(buffer.blocks) \(buffer.blocks == 1 ? "block" : "blocks"))")
        }
        // Both are at most the maximum number of blocks by now: the sum cannot overflow.
        guard range.at + range.blocks <= geometry.blocks else {
            return .init(
                .at, "range \(range.at)..\(range.at + range.blocks - 1) is past the end of the file (blocks: \(geometry.blocks))")
        }
        return nil
    }

    /// Why a mutator of `target` with `budget` cannot run in this scenario, or nil if it can.
    package func fault(ofMutator target: MutationTarget, budget: Int) -> ScenarioError.Fault? {
        if case .buffer(let index) = target, !buffers.indices.contains(index) { return bufferFault(index, field: .target) }
        guard (0...Actor.maximumBudget).contains(budget) else {
            return .init(.budget, "budget must be 0 through \(Actor.maximumBudget), found \(budget)")
        }
        return nil
    }

    /// The fault of naming buffer `index`, which does not exist, in `field`.
    private func bufferFault(_ index: Int, field: ScenarioError.Field) -> ScenarioError.Fault {
        let known = buffers.isEmpty ? "the scenario has no buffer" : "buffers are 0 through \(buffers.count - 1)"
        return .init(field, "buffer \(index) does not exist; \(known)")
    }
}
