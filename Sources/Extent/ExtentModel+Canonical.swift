extension ExtentModel {
    /// The state with its symbolic variables renamed in order of first appearance, so that states
    /// that differ only by the names of their variables are equal. Concrete states are returned as they are.
    func canonical(_ state: ExtentState) -> ExtentState {
        guard concreteValues == nil else { return state }
        var result = state
        let wordSlots = layout.count - layout.wordBase
        // Ids of a canonical state are below the number of word slots; `fresh` takes the last entry.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: wordSlots + 1) { renaming in
            renaming.initialize(repeating: StateLayout.none)
            var next: UInt32 = 0
            for slot in layout.wordBase..<layout.count {
                let word = result[slot]
                guard word != StateLayout.none else { continue }
                let index = word == StateLayout.fresh ? wordSlots : Int(word)
                if renaming[index] == StateLayout.none {
                    renaming[index] = next
                    next += 1
                }
                result[slot] = renaming[index]
            }
        }
        return result
    }
}
