internal import Extent

extension Workload {
    private enum CodingKeys: String, CodingKey {
        case geometry, writers, mutators, readers, scrub
    }

    /// Decodes a workload; one without `readers` or `scrub` has no readers and no scrubber.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            geometry: try container.decode(Geometry.self, forKey: .geometry),
            writers: try container.decode([[Step]].self, forKey: .writers),
            mutators: try container.decode([Mutator].self, forKey: .mutators),
            readers: try container.decodeIfPresent([Read].self, forKey: .readers) ?? [],
            scrub: try container.decodeIfPresent(Bool.self, forKey: .scrub) ?? false)
    }

    /// Encodes a workload; readers and the scrubber only where it has them, so that a workload of
    /// writers and mutators reads as it did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(geometry, forKey: .geometry)
        try container.encode(writers, forKey: .writers)
        try container.encode(mutators, forKey: .mutators)
        if !readers.isEmpty { try container.encode(readers, forKey: .readers) }
        if scrub { try container.encode(scrub, forKey: .scrub) }
    }
}
