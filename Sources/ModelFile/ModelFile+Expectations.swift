internal import Extent

extension ModelFile {
    /// The expected verdicts, by policy name: each policy maps to `holds` (every
    /// checked invariant holds) or to a mapping of invariant to `holds` or `violated`.
    static func expectations(
        from reader: NodeReader, policies: [Policy], invariants: [Invariant]
    ) throws(ModelFileError) -> [String: [Invariant: ExpectedVerdict]] {
        var expectations: [String: [Invariant: ExpectedVerdict]] = [:]
        for entry in try reader.entries() {
            guard policies.contains(where: { $0.name == entry.name }) else {
                throw entry.keyReader.error(
                    "expect names policy '\(entry.name)', which the model does not check"
                        + " (policies: \(policies.map(\.name).joined(separator: ", ")))")
            }
            expectations[entry.name] = try verdicts(from: entry.value, invariants: invariants)
        }
        return expectations
    }

    /// The verdicts expected for one policy: `holds`, or a mapping of invariant to verdict.
    static func verdicts(
        from reader: NodeReader, invariants: [Invariant]
    ) throws(ModelFileError) -> [Invariant: ExpectedVerdict] {
        if reader.isScalar {
            guard try reader.string() == ExpectedVerdict.holds.rawValue else {
                throw reader.error(
                    "expected holds (every invariant) or a mapping of invariant to holds or violated,"
                        + " found \(reader.found)")
            }
            return Dictionary(uniqueKeysWithValues: invariants.map { ($0, .holds) })
        }
        var verdicts: [Invariant: ExpectedVerdict] = [:]
        for entry in try reader.entries() {
            guard let invariant = invariants.first(where: { $0.rawValue == entry.name }) else {
                let listed = invariants.map(\.rawValue).joined(separator: ", ")
                throw entry.keyReader.error(
                    Invariant(rawValue: entry.name) == nil
                        ? "unknown invariant '\(entry.name)'; expected one of \(listed)"
                        : "expect names invariant '\(entry.name)', which the model does not check"
                            + " (invariants: \(listed))")
            }
            verdicts[invariant] = try entry.value.choice(
                among: [ExpectedVerdict.holds, .violated], what: "verdict")
        }
        return verdicts
    }
}
