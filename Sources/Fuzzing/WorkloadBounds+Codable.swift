extension WorkloadBounds {
    private enum CodingKeys: String, CodingKey {
        case blocks, blockWords, mirrors, writers, scriptSteps, mutators, budget, readers, scrub
    }

    /// Decodes bounds; bounds without `readers` or `scrub` allow no readers and no scrubber.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            blocks: try container.decode(Int.self, forKey: .blocks),
            blockWords: try container.decode(Int.self, forKey: .blockWords),
            mirrors: try container.decode(Int.self, forKey: .mirrors),
            writers: try container.decode(Int.self, forKey: .writers),
            scriptSteps: try container.decode(Int.self, forKey: .scriptSteps),
            mutators: try container.decode(Int.self, forKey: .mutators),
            budget: try container.decode(Int.self, forKey: .budget),
            readers: try container.decodeIfPresent(Int.self, forKey: .readers) ?? 0,
            scrub: try container.decodeIfPresent(Bool.self, forKey: .scrub) ?? false)
    }

    /// Encodes bounds; readers and the scrubber only where they are allowed, so that bounds without
    /// them read as they did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(blockWords, forKey: .blockWords)
        try container.encode(mirrors, forKey: .mirrors)
        try container.encode(writers, forKey: .writers)
        try container.encode(scriptSteps, forKey: .scriptSteps)
        try container.encode(mutators, forKey: .mutators)
        try container.encode(budget, forKey: .budget)
        if readers > 0 { try container.encode(readers, forKey: .readers) }
        if scrub { try container.encode(scrub, forKey: .scrub) }
    }
}
