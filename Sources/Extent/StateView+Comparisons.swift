extension StateView {
    /// Whether the two blocks can hold different data: for some value of their variables in symbolic
    /// mode, or because their values differ in concrete mode.
    public func mayDiffer(_ a: BlockData, _ b: BlockData) throws(UndecidedComparison) -> Bool {
        try decider.mayDiffer(a, b, comparesChecksums: false, given: conditions)
    }

    /// Whether the two checksums can differ: H of their words, for some value of the variables.
    public func mayDiffer(_ a: Checksum, _ b: Checksum) throws(UndecidedComparison) -> Bool {
        try decider.mayDiffer(a.data, b.data, comparesChecksums: true, given: conditions)
    }

    /// Whether the two words can differ.
    public func mayDiffer(_ a: Word, _ b: Word) throws(UndecidedComparison) -> Bool {
        try decider.mayDiffer(BlockData(terms: [a.term]), BlockData(terms: [b.term]), comparesChecksums: false, given: conditions)
    }

    /// Whether the two blocks hold the same data for every value of their variables.
    public func mustEqual(_ a: BlockData, _ b: BlockData) throws(UndecidedComparison) -> Bool { try !mayDiffer(a, b) }

    /// Whether the two checksums are equal for every value of their variables.
    public func mustEqual(_ a: Checksum, _ b: Checksum) throws(UndecidedComparison) -> Bool { try !mayDiffer(a, b) }

    /// Whether the two words are equal for every value of their variables.
    public func mustEqual(_ a: Word, _ b: Word) throws(UndecidedComparison) -> Bool { try !mayDiffer(a, b) }

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
