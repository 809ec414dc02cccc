public import Extent

/// A scenario's moving parts in the form the fuzzer generates and shrinks: the file's shape, each
/// writer's script over its own buffer, and the mutators.
///
/// Writer `i` writes from buffer `i`, as long as the most blocks any of its writes takes; the
/// names (`writer-1`, `buffer-1`, `mutator-1`, …) are given when the workload becomes a scenario.
///
/// ```swift
/// let race = Workload(
///     geometry: Geometry(blocks: 1),
///     writers: [[.directWrite(at: 0, blocks: 1)]],
///     mutators: [Workload.Mutator(target: .writerBuffer(0), budget: 1)])
/// ```
public struct Workload: Hashable, Sendable, Codable {
    /// The file's shape.
    public var geometry: Geometry
    /// Every writer's script, in order.
    public var writers: [[Step]]
    /// Every mutator, in order.
    public var mutators: [Mutator]

    /// Creates a workload.
    public init(geometry: Geometry, writers: [[Step]], mutators: [Mutator] = []) {
        self.geometry = geometry
        self.writers = writers
        self.mutators = mutators
    }

    /// One step of a writer's script; writes take blocks `0..<blocks` of the writer's own buffer.
    public enum Step: Hashable, Sendable, Codable {
        /// An O_DIRECT write of `blocks` blocks at file block `at`.
        case directWrite(at: Int, blocks: Int)
        /// A buffered write of `blocks` blocks at file block `at`.
        case bufferedWrite(at: Int, blocks: Int)
        /// Waits until nothing of the file is dirty or in flight.
        case fsync

        /// The file blocks the step writes, if it writes.
        public var range: (at: Int, blocks: Int)? {
            switch self {
            case .directWrite(let at, let blocks), .bufferedWrite(let at, let blocks): (at, blocks)
            case .fsync: nil
            }
        }

        /// The step with its range replaced; an `fsync` stays as it is.
        func with(at: Int, blocks: Int) -> Step {
            switch self {
            case .directWrite: .directWrite(at: at, blocks: blocks)
            case .bufferedWrite: .bufferedWrite(at: at, blocks: blocks)
            case .fsync: .fsync
            }
        }
    }

    /// A mutator: what it changes and how many times at most.
    public struct Mutator: Hashable, Sendable, Codable {
        /// What a mutator changes.
        public enum Target: Hashable, Sendable, Codable {
            /// The buffer of the writer at this index.
            case writerBuffer(Int)
            /// Any cached folio.
            case pageCache
        }

        /// What the mutator changes.
        public var target: Target
        /// The most changes it makes, at least 1.
        public var budget: Int

        /// Creates a mutator.
        public init(target: Target, budget: Int) {
            self.target = target
            self.budget = budget
        }
    }
}

extension Workload {
    /// The blocks of writer `writer`'s buffer: the most any of its writes takes, at least 1.
    public func bufferBlocks(of writer: Int) -> Int {
        writers[writer].compactMap { $0.range?.blocks }.max() ?? 1
    }

    /// The scenario of this workload, checked under `policies` for `invariants`, with symbolic data.
    public func scenario(
        named name: String, about: String = "", policies: [Policy], invariants: [ExtentProperty]
    ) -> Scenario {
        let buffers = writers.indices.map { Buffer(name: "buffer-\($0 + 1)", blocks: bufferBlocks(of: $0)) }
        var actors: [Scenario.Actor] = writers.enumerated().map { index, script in
            .writer(
                "writer-\(index + 1)",
                script.map { step in
                    switch step {
                    case .directWrite(let at, let blocks): .directWrite(IORange(buffer: index, at: at, blocks: blocks))
                    case .bufferedWrite(let at, let blocks): .bufferedWrite(IORange(buffer: index, at: at, blocks: blocks))
                    case .fsync: .fsync
                    }
                })
        }
        actors += mutators.enumerated().map { index, mutator in
            let target: MutationTarget =
                switch mutator.target {
                case .writerBuffer(let writer): .buffer(writer)
                case .pageCache: .pageCache
                }
            return .mutator("mutator-\(index + 1)", target: target, budget: mutator.budget)
        }
        return Scenario(
            name: name, about: about, geometry: geometry, buffers: buffers, actors: actors, policies: policies,
            invariants: invariants)
    }

    /// The number of steps of all writers' scripts.
    public var steps: Int { writers.map(\.count).reduce(0, +) }

    /// The sum of all mutators' budgets.
    public var budgets: Int { mutators.map(\.budget).reduce(0, +) }
}

extension Workload: CustomStringConvertible {
    /// The workload in one line, as the fuzzer prints it: shape, scripts, mutators.
    public var description: String {
        var parts = ["\(geometry.blocks) block\(geometry.blocks == 1 ? "" : "s")"]
        if geometry.blockWords > 1 { parts[0] += " of \(geometry.blockWords) words" }
        if geometry.mirrors > 1 { parts[0] += ", \(geometry.mirrors) mirrors" }
        for (index, script) in writers.enumerated() {
            let steps = script.map { step in
                switch step {
                case .directWrite(let at, let blocks): "dio-write \(Self.blocks(at, blocks))"
                case .bufferedWrite(let at, let blocks): "write \(Self.blocks(at, blocks))"
                case .fsync: "fsync"
                }
            }
            parts.append("writer-\(index + 1): \(steps.isEmpty ? "nothing" : steps.joined(separator: ", "))")
        }
        for (index, mutator) in mutators.enumerated() {
            let target =
                switch mutator.target {
                case .writerBuffer(let writer): "buffer-\(writer + 1)"
                case .pageCache: MutationTarget.pageCacheName
                }
            parts.append("mutator-\(index + 1): \(target), budget \(mutator.budget)")
        }
        return parts.joined(separator: "; ")
    }

    private static func blocks(_ at: Int, _ count: Int) -> String {
        // A workload built by hand may hold any numbers: its description must not trap on them.
        let (span, spanOverflows) = count.subtractingReportingOverflow(1)
        let (last, lastOverflows) = at.addingReportingOverflow(span)
        if count == 1 { return "block \(at)" }
        return spanOverflows || lastOverflows ? "\(count) blocks at \(at)" : "blocks \(at)-\(last)"
    }
}
