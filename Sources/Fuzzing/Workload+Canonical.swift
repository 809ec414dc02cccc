extension Workload {
    /// The workload with its writers, readers and mutators in a standard order: writers by script,
    /// then by the budgets of the mutators of their buffers; readers likewise by read; mutators by
    /// what they change and their budget.
    ///
    /// Two workloads have the same canonical form exactly when one is the other with its writers,
    /// readers or mutators renamed (their buffers and the mutators' targets following): the same
    /// race, with the same verdicts.
    public var canonical: Workload {
        let writerOrder = writers.indices.sorted { writerKey($0).lexicographicallyPrecedes(writerKey($1)) }
        let readerOrder = readers.indices.sorted { readerKey($0).lexicographicallyPrecedes(readerKey($1)) }
        var writerPosition = [Int](repeating: 0, count: writers.count)
        for (position, writer) in writerOrder.enumerated() { writerPosition[writer] = position }
        var readerPosition = [Int](repeating: 0, count: readers.count)
        for (position, reader) in readerOrder.enumerated() { readerPosition[reader] = position }
        let renamed = mutators.map { mutator in
            let target: Mutator.Target =
                switch mutator.target {
                case .writerBuffer(let writer): .writerBuffer(writerPosition[writer])
                case .readerBuffer(let reader): .readerBuffer(readerPosition[reader])
                case .pageCache: .pageCache
                }
            return Mutator(target: target, budget: mutator.budget)
        }
        return Workload(
            geometry: geometry, writers: writerOrder.map { writers[$0] },
            mutators: renamed.sorted { $0.key.lexicographicallyPrecedes($1.key) },
            readers: readerOrder.map { readers[$0] }, scrub: scrub)
    }

    /// How many workloads as written this one stands for: the distinct orders of its writers (with
    /// their buffers' mutators), of its readers (likewise) and of its mutators.
    public var orderings: Int {
        let canonical = self.canonical
        return Self.arrangements(of: canonical.writers.indices.map(canonical.writerKey))
            * Self.arrangements(of: canonical.readers.indices.map(canonical.readerKey))
            * Self.arrangements(of: canonical.mutators.map(\.key))
    }

    /// A writer's script, then the budgets of the mutators of its buffer, as numbers in order.
    private func writerKey(_ writer: Int) -> [Int] {
        [writers[writer].count] + writers[writer].flatMap(\.key) + budgets(of: .writerBuffer(writer))
    }

    /// A reader's read, then the budgets of the mutators of its buffer, as numbers in order.
    private func readerKey(_ reader: Int) -> [Int] {
        let read = readers[reader]
        return [read.isDirect ? 1 : 0, read.range.at, read.range.blocks] + budgets(of: .readerBuffer(reader))
    }

    private func budgets(of target: Mutator.Target) -> [Int] {
        mutators.filter { $0.target == target }.map(\.budget).sorted()
    }

    /// The distinct orders of `keys`: n! over the factorial of each repeated key's count.
    private static func arrangements(of keys: [[Int]]) -> Int {
        var counts: [[Int]: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        return counts.values.reduce(factorial(keys.count)) { $0 / factorial($1) }
    }

    private static func factorial(_ n: Int) -> Int { (1...max(1, n)).reduce(1, *) }
}

extension Workload.Step {
    /// The step as three numbers: its kind, first block and length.
    fileprivate var key: [Int] {
        switch self {
        case .directWrite(let at, let blocks): [0, at, blocks]
        case .bufferedWrite(let at, let blocks): [1, at, blocks]
        case .fsync: [2, 0, 0]
        }
    }
}

extension Workload.Mutator {
    /// The mutator as numbers: its target's kind and index, then its budget.
    fileprivate var key: [Int] {
        switch target {
        case .writerBuffer(let writer): [0, writer, budget]
        case .readerBuffer(let reader): [1, reader, budget]
        case .pageCache: [2, 0, budget]
        }
    }
}
