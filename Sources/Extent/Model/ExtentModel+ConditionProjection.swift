extension ExtentModel {
    /// `state` with its path condition projected on the words its slots hold (`ConditionProjection`):
    /// equal words merged into one name, clauses the dead variables can satisfy dropped. Without a
    /// clause left, the state has no path condition.
    func projectingCondition(of state: ExtentState) -> ExtentState {
        let slots = layout.wordBase..<layout.count
        let live = Set(slots.map { state[$0] })
        let projection = ConditionProjection(pathCondition(of: state), checksum: shape.checksumFacts, isLive: live.contains)
        var result = state
        for slot in slots {
            if let name = projection.substitution[state[slot]] { result[slot] = name }
        }
        return setting(projection.clauses, in: result)
    }

    /// Whether projecting `state`'s path condition would leave it as it is, by a test that allocates
    /// nothing: every word it names is in a slot, no atom compares identical sides or repeats in its
    /// clause, and no clause is an equality that merges words. A step that adds no clause and loses no
    /// word of the condition keeps a projected condition projected: most steps.
    func isProjected(_ state: ExtentState) -> Bool {
        let words = geometry.blockWords
        let mergesEqualities = shape.checksumFacts.isOneToOne
        return state.slots.withUnsafeBufferPointer { slots in
            func isLive(_ word: UInt32) -> Bool {
                word == StateLayout.none || (layout.wordBase..<layout.count).contains { slots[$0] == word }
            }
            func same(_ first: Int, _ second: Int, count: Int) -> Bool {
                (0..<count).allSatisfy { slots[first + $0] == slots[second + $0] }
            }
            let atomLength = 1 + 2 * words
            var slot = layout.count
            while slot < slots.count {
                let count = Int(slots[slot])
                let clause = slot + 1
                for atom in 0..<count {
                    let start = clause + atom * atomLength
                    let flags = slots[start]
                    if same(start + 1, start + 1 + words, count: words) { return false }
                    if count == 1, flags & 1 == 0, flags & 2 == 0 || mergesEqualities { return false }
                    if !(start + 1..<start + atomLength).allSatisfy({ isLive(slots[$0]) }) { return false }
                    if (0..<atom).contains(where: { same(clause + $0 * atomLength, start, count: atomLength) }) { return false }
                }
                slot = clause + count * atomLength
            }
            return true
        }
    }
}
