internal import Extent

/// Every workload within some bounds, up to the order of writers, of mutators and of readers: a
/// workload whose writers, mutators or readers are those of another in another order is the same
/// race, so only one of them is listed.
public struct WorkloadSpace: Sendable {
    /// The bounds the workloads lie within.
    public let bounds: WorkloadBounds

    /// The space of `bounds`.
    public init(bounds: WorkloadBounds) {
        self.bounds = bounds
    }

    /// How many workloads `all()` lists (as a floating-point number: it can be astronomically large).
    public var count: Double {
        var total = 0.0
        for geometry in geometries {
            let scripts = Double(scripts(blocks: geometry.blocks).count)
            // As many buffered reads as O_DIRECT ones: one of each per range.
            let reads = Double(reads(blocks: geometry.blocks).count / 2)
            for writers in 1...bounds.writers {
                var choices = 0.0
                for readers in 0...bounds.readers {
                    for direct in 0...readers {
                        let mutatorKinds = Double((writers + direct + 1) * bounds.budget)
                        let mutators = (0...bounds.mutators).reduce(0.0) { $0 + Self.multisets(mutatorKinds, $1) }
                        choices += Self.multisets(reads, direct) * Self.multisets(reads, readers - direct) * mutators
                    }
                }
                total += Self.multisets(scripts, writers) * choices * Double(scrubChoices.count)
            }
        }
        return total
    }

    /// Every workload, smallest first: fewer actors, then fewer steps, smaller budgets, fewer blocks,
    /// words and mirrors, and shorter writes and reads; ties in a fixed order.
    public func all() -> [Workload] {
        var workloads: [Workload] = []
        for geometry in geometries {
            let scripts = scripts(blocks: geometry.blocks)
            let readerChoices = (0...bounds.readers).flatMap { Self.multisets(of: reads(blocks: geometry.blocks), count: $0) }
            for writerCount in 1...bounds.writers {
                let mutatorsByReaders = readerChoices.map { readers in
                    (0...bounds.mutators).flatMap { count in
                        Self.multisets(of: mutatorChoices(writers: writerCount, readers: readers), count: count)
                    }
                }
                for writers in Self.multisets(of: scripts, count: writerCount) {
                    for (readers, mutators) in zip(readerChoices, mutatorsByReaders) {
                        for scrub in scrubChoices {
                            for chosen in mutators {
                                workloads.append(
                                    Workload(geometry: geometry, writers: writers, mutators: chosen, readers: readers, scrub: scrub))
                            }
                        }
                    }
                }
            }
        }
        // A stable sort keeps the generation order among workloads of one size.
        return workloads.enumerated().sorted { ($0.element.size + [$0.offset]).lexicographicallyPrecedes($1.element.size + [$1.offset]) }
            .map(\.element)
    }

    /// Every workload up to renaming, smallest first: of the workloads `all()` lists, the first of each
    /// canonical form, with the number of workloads as written that it stands for.
    public func classes() -> [WorkloadClass] {
        var seen: Set<Workload> = []
        return all().compactMap { workload in
            let canonical = workload.canonical
            guard seen.insert(canonical).inserted else { return nil }
            return WorkloadClass(workload: workload, orderings: canonical.orderings)
        }
    }

    /// One workload drawn at random, its every dimension at most `scale` (0 to 1) of the bounds',
    /// rounded up: small scales draw small workloads.
    public func sample(using generator: inout some RandomNumberGenerator, scale: Double) -> Workload {
        func upTo(_ bound: Int, from least: Int = 1) -> Int {
            let top = max(least, Int((Double(bound) * scale).rounded(.up)))
            return Int.random(in: least...min(bound, top), using: &generator)
        }
        let geometry = Geometry(blocks: upTo(bounds.blocks), blockWords: upTo(bounds.blockWords), mirrors: upTo(bounds.mirrors))
        func range() -> (at: Int, blocks: Int) {
            let at = Int.random(in: 0..<geometry.blocks, using: &generator)
            return (at, Int.random(in: 1...(geometry.blocks - at), using: &generator))
        }
        let writers = (0..<upTo(bounds.writers)).map { _ in
            (0..<upTo(bounds.scriptSteps)).map { _ in
                let (at, blocks) = range()
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: return Workload.Step.directWrite(at: at, blocks: blocks)
                case 1: return Workload.Step.bufferedWrite(at: at, blocks: blocks)
                default: return Workload.Step.fsync
                }
            }
        }
        // Bounds without readers or a scrubber draw nothing for them: their samples stay as they were.
        let readers: [Workload.Read] = bounds.readers == 0 ? [] : (0..<upTo(bounds.readers, from: 0)).map { _ in
            let (at, blocks) = range()
            return Bool.random(using: &generator) ? Workload.Read.directRead(at: at, blocks: blocks) : .read(at: at, blocks: blocks)
        }
        let scrub = bounds.scrub && Bool.random(using: &generator)
        let targets = mutatorTargets(writers: writers.count, readers: readers)
        let mutators = (0..<upTo(bounds.mutators, from: 0)).map { _ in
            Workload.Mutator(target: targets[Int.random(in: targets.indices, using: &generator)], budget: upTo(bounds.budget))
        }
        return Workload(geometry: geometry, writers: writers, mutators: mutators, readers: readers, scrub: scrub)
    }

    private var geometries: [Geometry] {
        (1...bounds.blocks).flatMap { blocks in
            (1...bounds.blockWords).flatMap { words in
                (1...bounds.mirrors).map { Geometry(blocks: blocks, blockWords: words, mirrors: $0) }
            }
        }
    }

    /// Every script of 1 to `bounds.scriptSteps` steps over a file of `blocks` blocks.
    private func scripts(blocks: Int) -> [[Workload.Step]] {
        var steps: [Workload.Step] = [.fsync]
        for count in 1...blocks {
            for at in 0...(blocks - count) {
                steps += [.directWrite(at: at, blocks: count), .bufferedWrite(at: at, blocks: count)]
            }
        }
        var scripts: [[Workload.Step]] = []
        var level: [[Workload.Step]] = [[]]
        for _ in 1...bounds.scriptSteps {
            level = level.flatMap { script in steps.map { script + [$0] } }
            scripts += level
        }
        return scripts
    }

    /// Every read of a file of `blocks` blocks: for each range, a buffered read and an O_DIRECT one.
    private func reads(blocks: Int) -> [Workload.Read] {
        (1...blocks).flatMap { count in
            (0...(blocks - count)).flatMap { at in [Workload.Read.read(at: at, blocks: count), .directRead(at: at, blocks: count)] }
        }
    }

    /// With and without a scrubber where the bounds allow one, else without.
    private var scrubChoices: [Bool] { bounds.scrub ? [false, true] : [false] }

    /// What a mutator may change: each writer's buffer, each `dio-read` reader's buffer, the page cache.
    private func mutatorTargets(writers: Int, readers: [Workload.Read]) -> [Workload.Mutator.Target] {
        (0..<writers).map(Workload.Mutator.Target.writerBuffer)
            + readers.indices.filter { readers[$0].isDirect }.map(Workload.Mutator.Target.readerBuffer) + [.pageCache]
    }

    private func mutatorChoices(writers: Int, readers: [Workload.Read]) -> [Workload.Mutator] {
        mutatorTargets(writers: writers, readers: readers).flatMap { target in
            (1...bounds.budget).map { Workload.Mutator(target: target, budget: $0) }
        }
    }

    /// Every choice of `count` elements of `elements` with repetition, each as a non-decreasing
    /// sequence of indices.
    private static func multisets<Element>(of elements: [Element], count: Int) -> [[Element]] {
        var result: [[Int]] = [[]]
        for _ in 0..<count {
            result = result.flatMap { chosen in ((chosen.last ?? 0)..<elements.count).map { chosen + [$0] } }
        }
        return result.map { $0.map { elements[$0] } }
    }

    /// The number of multisets of `count` elements from `kinds` kinds.
    private static func multisets(_ kinds: Double, _ count: Int) -> Double {
        (0..<count).reduce(1.0) { $0 * (kinds + Double($1)) / Double($1 + 1) }
    }
}

extension Workload {
    /// The order in which the fuzzer lists and prefers workloads: smaller is simpler.
    ///
    /// Readers and the scrubber count as actors, blocks read as blocks written, and last come the
    /// `dio-read`s: a buffered read is simpler than an O_DIRECT one.
    var size: [Int] {
        [
            writers.count + mutators.count + readers.count + (scrub ? 1 : 0), steps, budgets, geometry.blocks,
            geometry.blockWords, geometry.mirrors,
            writers.joined().compactMap { $0.range?.blocks }.reduce(0, +) + readers.map(\.range.blocks).reduce(0, +),
            readers.filter(\.isDirect).count,
        ]
    }
}
