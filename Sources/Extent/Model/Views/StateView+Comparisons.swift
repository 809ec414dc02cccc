extension StateView {
    /// Whether the two blocks can hold different data, given the state's path condition: one
    /// comparison, one question. The built-in invariants use it to name the block and mirror a
    /// finding is about; a judgement states its finding as a `Condition`.
    func mayDiffer(_ a: BlockData, _ b: BlockData) throws(UndecidedComparison) -> Bool {
        try decider.mayDiffer(a, b, comparesChecksums: false, given: conditions)
    }

    /// Whether the two checksums can differ: H of their words, for some value of the variables.
    func mayDiffer(_ a: Checksum, _ b: Checksum) throws(UndecidedComparison) -> Bool {
        try decider.mayDiffer(a.data, b.data, comparesChecksums: true, given: conditions)
    }

    /// The state's path condition: what the outcomes of checks on the way to it assumed of the words.
    var conditions: [SolverOracle.Clause] {
        state.slots.count > layout.count ? model.pathCondition(of: state) : []
    }

    /// The checksum H of `data`, with the model's checksum: what the file system would store for it.
    public func checksum(of data: BlockData) -> Checksum { Checksum(data: data) }

    /// A block's data as a trace shows it: the word, or `[w0 w1 ...]`; values a witness chose, in traces.
    public func show(_ data: BlockData) -> String {
        decider.renderer.block(data.terms)
    }

    /// A word as a trace shows it.
    public func show(_ word: Word) -> String {
        decider.renderer.word(word.term)
    }

    /// A checksum as a trace shows it, e.g. `0x7ac286c0 = crc32c(0x7b1dcdaf)`.
    public func show(_ checksum: Checksum) -> String {
        decider.renderer.checksum(checksum.data.terms)
    }
}
