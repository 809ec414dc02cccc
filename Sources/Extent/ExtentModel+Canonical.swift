extension ExtentModel {
    /// The state with its symbolic variables renamed in order of first appearance, so that states
    /// that differ only by the names of their variables are equal. Concrete states are returned as they are.
    func canonical(_ state: ExtentState) -> ExtentState {
        guard concreteValues == nil else { return state }
        let wordSlots = layout.count - layout.wordBase
        var result = state
        // The explorer's states name their variables below the number of word slots, and a fresh one
        // `fresh`: a table indexed by name renames them. Replayed traces use larger names.
        let renamedByTable = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: wordSlots + 1) { renaming in
            renaming.initialize(repeating: StateLayout.none)
            var next: UInt32 = 0
            for slot in layout.wordBase..<layout.count {
                let word = result[slot]
                guard word != StateLayout.none else { continue }
                let index = word == StateLayout.fresh ? wordSlots : Int(word)
                guard index <= wordSlots else { return false }
                if renaming[index] == StateLayout.none {
                    renaming[index] = next
                    next += 1
                }
                result[slot] = renaming[index]
            }
            return true
        }
        if renamedByTable { return result }

        result = state
        var renaming: [UInt32: UInt32] = [:]
        for slot in layout.wordBase..<layout.count where result[slot] != StateLayout.none {
            let word = result[slot]
            let name = renaming[word] ?? UInt32(renaming.count)
            renaming[word] = name
            result[slot] = name
        }
        return result
    }
}
