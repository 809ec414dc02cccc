internal import Extent

extension Workload: CustomStringConvertible {
    /// The workload in one line, as the fuzzer prints it: shape, scripts, mutators, readers and the
    /// scrubber.
    public var description: String {
        var parts = ["\(geometry.blocks) block\(geometry.blocks == 1 ? "" : "s")"]
        if geometry.blockWords > 1 { parts[0] += " of \(geometry.blockWords) words" }
        if geometry.mirrors > 1 { parts[0] += ", \(geometry.mirrors) mirrors" }
        for (index, script) in writers.enumerated() {
            let steps = script.map { step in
                switch step {
                case .directWrite(let at, let blocks): "dio-write \(Self.blocks(at, blocks))"
                case .bufferedWrite(let at, let blocks): "write \(Self.blocks(at, blocks))"
                case .fsync: "fsync"
                }
            }
            parts.append("writer-\(index + 1): \(steps.isEmpty ? "nothing" : steps.joined(separator: ", "))")
        }
        for (index, mutator) in mutators.enumerated() {
            let target =
                switch mutator.target {
                case .writerBuffer(let writer): "buffer-\(writer + 1)"
                case .readerBuffer(let reader): "read-buffer-\(reader + 1)"
                case .pageCache: MutationTarget.pageCacheName
                }
            parts.append("mutator-\(index + 1): \(target), budget \(mutator.budget)")
        }
        for (index, read) in readers.enumerated() {
            let (at, blocks) = read.range
            parts.append("reader-\(index + 1): \(read.isDirect ? "dio-read" : "read") \(Self.blocks(at, blocks))")
        }
        if scrub { parts.append("scrubber: 1 pass") }
        return parts.joined(separator: "; ")
    }

    private static func blocks(_ at: Int, _ count: Int) -> String {
        // A workload built by hand may hold any numbers: its description must not trap on them.
        let (span, spanOverflows) = count.subtractingReportingOverflow(1)
        let (last, lastOverflows) = at.addingReportingOverflow(span)
        if count == 1 { return "block \(at)" }
        return spanOverflows || lastOverflows ? "\(count) blocks at \(at)" : "blocks \(at)-\(last)"
    }
}
