internal import Extent

extension ModelFileReader {
    /// The expected verdicts, by policy name: each policy maps to `holds` (every
    /// checked invariant holds) or to a mapping of invariant to `holds` or `violated`. That each names
    /// a policy the model checks is checked by `Scenario.validate()`.
    static func expectations(
        from reader: NodeReader, invariants: [ExtentProperty]
    ) throws(ModelFileError) -> [String: [String: ExpectedVerdict]] {
        var expectations: [String: [String: ExpectedVerdict]] = [:]
        for entry in try reader.entries() {
            expectations[entry.name] = try verdicts(from: entry.value, invariants: invariants)
        }
        return expectations
    }

    /// The verdicts expected for one policy: `holds`, or a mapping of invariant to verdict.
    static func verdicts(
        from reader: NodeReader, invariants: [ExtentProperty]
    ) throws(ModelFileError) -> [String: ExpectedVerdict] {
        if reader.isScalar {
            guard try reader.string() == ExpectedVerdict.holds.rawValue else {
                throw reader.error(
                    "expected holds (every invariant) or a mapping of invariant to holds or violated,"
                        + " found \(reader.found)")
            }
            return Dictionary(uniqueKeysWithValues: invariants.map { ($0.name, .holds) })
        }
        var verdicts: [String: ExpectedVerdict] = [:]
        for entry in try reader.entries() {
            guard let invariant = invariants.first(where: { $0.name == entry.name }) else {
                let listed = invariants.map(\.name).joined(separator: ", ")
                throw entry.keyReader.error(
                    ExtentProperty.builtIn(named: entry.name) == nil
                        ? "unknown invariant \(MessageValue.quoted(entry.name)); expected one of \(listed)"
                        : "expect names invariant \(MessageValue.quoted(entry.name)), which the model does not check"
                            + " (invariants: \(listed))")
            }
            verdicts[invariant.name] = try entry.value.choice(among: KeyTable.verdicts, what: "verdict")
        }
        return verdicts
    }
}
