import ExtentCheck

/// The scaled model family: the seed's race made bigger along one axis at a time.
///
/// Every member has writers that `dio-write` a buffer as large as the file and `fsync`,
/// and one mutator on the first writer's buffer.
struct ModelFamily {
    /// One size of the family.
    struct Member {
        var label: String
        var scenario: Scenario
    }

    static func scenario(blocks: Int, writers: Int = 1, budget: Int = 1, mirrors: Int = 1, data: DataMode) -> Scenario {
        let buffers = (0..<writers).map { Buffer(name: "buffer-\($0)", blocks: blocks) }
        let writerActors = (0..<writers).map { writer in
            Scenario.Actor(
                name: "writer-\(writer)",
                role: .writer([.directWrite(IORange(buffer: writer, at: 0, blocks: blocks)), .fsync]))
        }
        return Scenario(
            name: "family",
            geometry: Geometry(blocks: blocks, mirrors: mirrors),
            data: data,
            buffers: buffers,
            actors: writerActors + [Scenario.Actor(name: "mutator", role: .mutator(target: .buffer(0), budget: budget))],
            policies: ["dio-csum", "buffered-fallback", "nodatasum"].compactMap(Policy.builtIn(named:)))
    }

    /// The members, smallest first; `quick` leaves out the largest of each axis.
    ///
    /// Symbolic data folds every content of a word into one state, so its axes reach further than
    /// `concrete:2`, where every word doubles the space; `concrete:2` at 4 blocks is the model whose
    /// count the engineering notes give for an independent checker (630,464 states under
    /// `buffered-fallback`).
    static func members(quick: Bool) -> [Member] {
        var members: [Member] = []
        let symbolicBlocks = quick ? [1, 2, 4] : [1, 2, 4, 6]
        for blocks in symbolicBlocks {
            members.append(Member(label: "blocks \(blocks)", scenario: scenario(blocks: blocks, data: .symbolic)))
        }
        for writers in quick ? [2] : [2, 3] {
            members.append(
                Member(label: "writers \(writers)", scenario: scenario(blocks: 2, writers: writers, data: .symbolic)))
        }
        for budget in quick ? [2] : [2, 3] {
            members.append(
                Member(label: "budget \(budget)", scenario: scenario(blocks: 2, budget: budget, data: .symbolic)))
        }
        members.append(Member(label: "mirrors 2", scenario: scenario(blocks: 2, mirrors: 2, data: .symbolic)))

        for blocks in 1...(quick ? 3 : 4) {
            members.append(Member(label: "blocks \(blocks)", scenario: scenario(blocks: blocks, data: .concrete(2))))
        }
        members.append(Member(label: "writers 2", scenario: scenario(blocks: 2, writers: 2, data: .concrete(2))))
        members.append(Member(label: "budget 2", scenario: scenario(blocks: 2, budget: 2, data: .concrete(2))))
        members.append(Member(label: "mirrors 2", scenario: scenario(blocks: 2, mirrors: 2, data: .concrete(2))))
        return members
    }
}
