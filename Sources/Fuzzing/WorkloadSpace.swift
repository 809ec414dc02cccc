internal import Extent

/// Every workload within some bounds, up to the order of writers and of mutators: a workload whose
/// writers or mutators are those of another in another order is the same race, so only one of them
/// is listed.
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
            for writers in 1...bounds.writers {
                let mutatorKinds = Double((writers + 1) * bounds.budget)
                let mutatorChoices = (0...bounds.mutators).reduce(0.0) { $0 + Self.multisets(mutatorKinds, $1) }
                total += Self.multisets(scripts, writers) * mutatorChoices
            }
        }
        return total
    }

    /// Every workload, smallest first: fewer actors, then fewer steps, smaller budgets, fewer blocks,
    /// words and mirrors, and shorter writes; ties in a fixed order.
    public func all() -> [Workload] {
        var workloads: [Workload] = []
        for geometry in geometries {
            let scripts = scripts(blocks: geometry.blocks)
            for writerCount in 1...bounds.writers {
                let mutators = (0...bounds.mutators).flatMap { count in
                    Self.multisets(of: mutatorChoices(writers: writerCount), count: count)
                }
                for writers in Self.multisets(of: scripts, count: writerCount) {
                    for chosen in mutators {
                        workloads.append(Workload(geometry: geometry, writers: writers, mutators: chosen))
                    }
                }
            }
        }
        // A stable sort keeps the generation order among workloads of one size.
        return workloads.enumerated().sorted { ($0.element.size + [$0.offset]).lexicographicallyPrecedes($1.element.size + [$1.offset]) }
            .map(\.element)
    }

    /// One workload drawn at random, its every dimension at most `scale` (0 to 1) of the bounds',
    /// rounded up: small scales draw small workloads.
    public func sample(using generator: inout some RandomNumberGenerator, scale: Double) -> Workload {
        func upTo(_ bound: Int, from least: Int = 1) -> Int {
            let top = max(least, Int((Double(bound) * scale).rounded(.up)))
            return Int.random(in: least...min(bound, top), using: &generator)
        }
        let geometry = Geometry(blocks: upTo(bounds.blocks), blockWords: upTo(bounds.blockWords), mirrors: upTo(bounds.mirrors))
        let writers = (0..<upTo(bounds.writers)).map { _ in
            (0..<upTo(bounds.scriptSteps)).map { _ in
                let at = Int.random(in: 0..<geometry.blocks, using: &generator)
                let blocks = Int.random(in: 1...(geometry.blocks - at), using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: return Workload.Step.directWrite(at: at, blocks: blocks)
                case 1: return Workload.Step.bufferedWrite(at: at, blocks: blocks)
                default: return Workload.Step.fsync
                }
            }
        }
        let mutators = (0..<upTo(bounds.mutators, from: 0)).map { _ in
            let target = Int.random(in: 0...writers.count, using: &generator)
            return Workload.Mutator(
                target: target == writers.count ? .pageCache : .writerBuffer(target), budget: upTo(bounds.budget))
        }
        return Workload(geometry: geometry, writers: writers, mutators: mutators)
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

    private func mutatorChoices(writers: Int) -> [Workload.Mutator] {
        let targets = (0..<writers).map(Workload.Mutator.Target.writerBuffer) + [.pageCache]
        return targets.flatMap { target in (1...bounds.budget).map { Workload.Mutator(target: target, budget: $0) } }
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
    var size: [Int] {
        [
            writers.count + mutators.count, steps, budgets, geometry.blocks, geometry.blockWords, geometry.mirrors,
            writers.joined().compactMap { $0.range?.blocks }.reduce(0, +),
        ]
    }
}
