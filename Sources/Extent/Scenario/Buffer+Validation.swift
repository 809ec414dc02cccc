extension Buffer {
    /// Why `name` cannot name a buffer, or nil if it can: it is empty or too long, or it is how a
    /// model file names the page cache as a mutator's target.
    package static func fault(name: String) -> ScenarioError.Fault? {
        if let fault = Scenario.fault(name: name, what: "a buffer") { return fault }
        if name == MutationTarget.pageCacheName {
            return .init(
                .name, "'\(MutationTarget.pageCacheName)' names the page cache as a mutator target; give the buffer another name")
        }
        return nil
    }

    /// Why a buffer cannot be `blocks` blocks long, or nil if it can.
    package static func fault(blocks: Int) -> ScenarioError.Fault? {
        guard !(1...Geometry.maximumBlocks).contains(blocks) else { return nil }
        return .init(.blocks, "a buffer's length must be 1 through \(Geometry.maximumBlocks) blocks, found \(blocks)")
    }
}
