import ExtentCheck

/// A random Boolean combination of comparisons, stated over whatever terms a state has: the
/// property that `ConditionAgreementTests` decides in every data mode.
indirect enum RandomCondition: Sendable, CustomStringConvertible {
    /// Two terms of the pool compared: data (`==`/`!=` on blocks) or their checksums.
    case compare(first: Int, second: Int, checksums: Bool, differ: Bool)
    case and(RandomCondition, RandomCondition)
    case or(RandomCondition, RandomCondition)
    case not(RandomCondition)

    /// A condition of at most `depth` levels of `&&`, `||` and `!`, drawn with `generator`.
    static func random(depth: Int, using generator: inout some RandomNumberGenerator) -> RandomCondition {
        let choice = depth == 0 ? 0 : Int.random(in: 0..<4, using: &generator)
        switch choice {
        case 1:
            return .and(random(depth: depth - 1, using: &generator), random(depth: depth - 1, using: &generator))
        case 2:
            return .or(random(depth: depth - 1, using: &generator), random(depth: depth - 1, using: &generator))
        case 3:
            return .not(random(depth: depth - 1, using: &generator))
        default:
            return .compare(
                first: Int.random(in: 0..<16, using: &generator), second: Int.random(in: 0..<16, using: &generator),
                checksums: Bool.random(using: &generator), differ: Bool.random(using: &generator))
        }
    }

    /// The condition over `pool`, the blocks of a state (or of a step's two states); an index past the
    /// pool's end wraps around.
    func condition(over pool: [BlockData], view: StateView) -> Condition {
        switch self {
        case .compare(let first, let second, let checksums, let differ):
            let (a, b) = (pool[first % pool.count], pool[second % pool.count])
            if checksums {
                let (h, k) = (view.checksum(of: a), view.checksum(of: b))
                return differ ? h != k : h == k
            }
            return differ ? a != b : a == b
        case .and(let lhs, let rhs):
            return lhs.condition(over: pool, view: view) && rhs.condition(over: pool, view: view)
        case .or(let lhs, let rhs):
            return lhs.condition(over: pool, view: view) || rhs.condition(over: pool, view: view)
        case .not(let inner):
            return !inner.condition(over: pool, view: view)
        }
    }

    var description: String {
        switch self {
        case .compare(let first, let second, let checksums, let differ):
            "\(checksums ? "H" : "")#\(first) \(differ ? "!=" : "==") \(checksums ? "H" : "")#\(second)"
        case .and(let lhs, let rhs): "(\(lhs) && \(rhs))"
        case .or(let lhs, let rhs): "(\(lhs) || \(rhs))"
        case .not(let inner): "!\(inner)"
        }
    }

    /// Every block of data a state shows: stored mirrors, buffers, cached folios, what bios read and
    /// received, and readers' kernel pages. A stored or computed checksum is represented by the block
    /// it was summed from.
    static func pool(of state: StateView) throws -> [BlockData] {
        var pool: [BlockData] = []
        for block in state.stored {
            pool += block.mirrors
            if let checksum = block.checksum { pool.append(checksum.data) }
        }
        for buffer in state.buffers {
            for block in 0..<buffer.blocks { pool.append(try buffer.block(block)) }
        }
        pool += state.folios.map(\.data)
        pool += state.readers.compactMap(\.page)
        for bio in state.bios {
            for block in bio.fileBlocks {
                pool.append(try bio.sourceData(block: block))
                if let checksum = try bio.checksum(block: block) { pool.append(checksum.data) }
                for mirror in 0..<state.geometry.mirrors {
                    if let received = try bio.received(mirror: mirror, block: block) { pool.append(received) }
                }
            }
        }
        return pool
    }

    /// The condition as a property of every state, named `name`.
    func stateProperty(_ name: String) -> ExtentProperty {
        .always(name, meaning: "\(self)") { state in
            [Finding(when: condition(over: try Self.pool(of: state), view: state), "\(self) can hold here")]
        }
    }

    /// The condition as a property of every transition, over the terms of both states.
    func transitionProperty(_ name: String) -> ExtentProperty {
        .onEveryTransition(name, meaning: "\(self)") { before, step in
            let pool = try Self.pool(of: before) + Self.pool(of: step.after)
            return [Finding(when: condition(over: pool, view: before), "\(self) can hold in \(step)")]
        }
    }
}
