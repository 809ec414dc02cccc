/// The renamings of a scenario's writers, buffers and mutators that map its model onto itself: a
/// renamed state behaves as the state does, step for step, and every built-in invariant judges it
/// the same.
///
/// Writers may trade places when their scripts are the same but for which buffers they write from,
/// and those buffers are as large and have mutators of the same budgets, and no reader reads into
/// them. Readers and scrubbers never trade places. File blocks never move:
/// writers of different blocks are not interchangeable. Mutators of one target and one budget are
/// interchangeable among themselves, whatever the writers do.
struct Symmetry: Sendable {
    /// One renaming other than the identity: writer `i`'s record becomes writer `writers[i]`'s, and
    /// likewise for buffers and mutators.
    struct Renaming: Hashable, Sendable {
        var writers: [Int]
        var buffers: [Int]
        var mutators: [Int]
    }

    /// Every renaming of the writers, with the buffers and mutators they take along.
    let renamings: [Renaming]
    /// Groups of mutators with one target and one budget, of two or more: their budgets are kept in
    /// ascending order, as no step tells them apart.
    let mutatorClasses: [[Int]]
    /// The groups of writers that trade places, each of two or more, in scenario order.
    let writerOrbits: [[Int]]

    /// The most renamings of writers tried: 7! (seven writers of one script). Fewer renamings make
    /// a smaller reduction, never a wrong one: each state still stands only for renamings of itself.
    static let maximumRenamings = 5_040

    /// The symmetry of `scenario`'s writers and mutators, numbered as its model numbers them: writers,
    /// and mutators, each in the order the scenario lists them.
    init(_ scenario: Scenario) {
        var writers: [[WriterStep]] = []
        var mutators: [MutatorKey] = []
        // Readers are never renamed, so the buffers they read into stay where they are.
        var pinnedBuffers: Set<Int> = []
        for actor in scenario.actors {
            switch actor.role {
            case .writer(let script): writers.append(script)
            case .mutator(let target, let budget): mutators.append(MutatorKey(target: target, budget: budget))
            case .reader(let script):
                for case .directRead(let range) in script { pinnedBuffers.insert(range.buffer) }
            case .scrubber: break
            }
        }
        let buffers = scenario.buffers
        var classes: [MutatorKey: [Int]] = [:]
        for (index, mutator) in mutators.enumerated() { classes[mutator, default: []].append(index) }
        mutatorClasses = classes.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }

        // Writers can only trade places with writers of the same script shape.
        var shapes: [[WriterStep]: [Int]] = [:]
        for (index, script) in writers.enumerated() { shapes[script.map(Self.shape), default: []].append(index) }
        let groups = shapes.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        var renamings: [Renaming] = []
        var candidates = [Array(writers.indices)]
        for group in groups {
            let orders = Self.permutations(of: group)
            var next: [[Int]] = []
            for base in candidates {
                for order in orders where next.count < Self.maximumRenamings {
                    var candidate = base
                    for (from, to) in zip(group, order) { candidate[from] = to }
                    next.append(candidate)
                }
            }
            candidates = next
        }
        for candidate in candidates where candidate != Array(writers.indices) {
            if let renaming = Self.renaming(writers: candidate, of: writers, buffers: buffers, mutators: mutators.count, classes: classes),
                pinnedBuffers.allSatisfy({ renaming.buffers[$0] == $0 })
            {
                renamings.append(renaming)
            }
        }
        self.renamings = renamings

        var orbit = Array(writers.indices)
        func root(_ writer: Int) -> Int { orbit[writer] == writer ? writer : root(orbit[writer]) }
        for renaming in renamings {
            for (from, to) in renaming.writers.enumerated() {
                let (a, b) = (root(from), root(to))
                orbit[max(a, b)] = min(a, b)
            }
        }
        writerOrbits = Dictionary(grouping: writers.indices, by: root).values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    private struct MutatorKey: Hashable {
        var target: MutationTarget
        var budget: Int
    }

    /// A step with its buffer forgotten: what writers of interchangeable scripts share.
    private static func shape(_ step: WriterStep) -> WriterStep {
        switch step {
        case .directWrite(let range): .directWrite(IORange(buffer: 0, at: range.at, blocks: range.blocks))
        case .bufferedWrite(let range): .bufferedWrite(IORange(buffer: 0, at: range.at, blocks: range.blocks))
        case .fsync: .fsync
        }
    }

    private static func buffer(of step: WriterStep) -> Int? {
        switch step {
        case .directWrite(let range), .bufferedWrite(let range): range.buffer
        case .fsync: nil
        }
    }

    /// The renaming that sends writer `i` to `writers[i]`, if the buffers and mutators can follow:
    /// each buffer a writer reads goes to the one its new place reads, one to one and of the same
    /// size; each mutator's target goes with it, onto as many mutators of the same budget.
    private static func renaming(
        writers order: [Int], of writers: [[WriterStep]], buffers: [Buffer], mutators: Int, classes: [MutatorKey: [Int]]
    ) -> Renaming? {
        var bufferOrder = Array(buffers.indices)
        var assigned: [Int: Int] = [:]
        for (from, to) in order.enumerated() {
            for (step, image) in zip(writers[from], writers[to]) {
                guard let source = buffer(of: step), let target = buffer(of: image) else { continue }
                if let earlier = assigned[source] {
                    guard earlier == target else { return nil }
                    continue
                }
                guard !assigned.values.contains(target), buffers[source].blocks == buffers[target].blocks else { return nil }
                assigned[source] = target
            }
        }
        // A buffer no writer reads stays where it is; one a writer reads goes where the writers say.
        for (source, target) in assigned { bufferOrder[source] = target }
        guard Set(bufferOrder).count == buffers.count else { return nil }

        var mutatorOrder = Array(0..<mutators)
        for (key, members) in classes {
            let imageTarget: MutationTarget =
                switch key.target {
                case .buffer(let buffer): .buffer(bufferOrder[buffer])
                case .pageCache: .pageCache
                }
            guard let images = classes[MutatorKey(target: imageTarget, budget: key.budget)], images.count == members.count
            else { return nil }
            for (from, to) in zip(members, images) { mutatorOrder[from] = to }
        }
        return Renaming(writers: order, buffers: bufferOrder, mutators: mutatorOrder)
    }

    /// Every order of `elements`, the given order first.
    private static func permutations(of elements: [Int]) -> [[Int]] {
        guard elements.count > 1 else { return [elements] }
        var result: [[Int]] = []
        for (index, first) in elements.enumerated() {
            var rest = elements
            rest.remove(at: index)
            for tail in permutations(of: rest) where result.count < maximumRenamings {
                result.append([first] + tail)
            }
        }
        return result
    }
}

extension Scenario {
    /// The groups of writers, then of mutators, that `Reduction.symmetry` lets trade places, by name:
    /// each group of two or more, in the order the scenario lists its actors.
    public var interchangeableActors: [[String]] {
        let symmetry = Symmetry(self)
        let writers = actors.filter { if case .writer = $0.role { true } else { false } }.map(\.name)
        let mutators = actors.filter { if case .mutator = $0.role { true } else { false } }.map(\.name)
        return symmetry.writerOrbits.map { $0.map { writers[$0] } } + symmetry.mutatorClasses.map { $0.map { mutators[$0] } }
    }
}
