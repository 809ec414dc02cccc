internal import Foundation
internal import Extent

extension ModelFileReader {
    /// The policies to check: a sequence of built-in names and custom policies; that there is one at
    /// least, and their names, are checked by `Scenario.validate()`.
    static func policies(from reader: NodeReader) throws(ModelFileError) -> [Policy] {
        try reader.elements().map { (item) throws(ModelFileError) in try policy(from: item) }
    }

    /// One item of `policies`.
    static func policy(from reader: NodeReader) throws(ModelFileError) -> Policy {
        if reader.isScalar {
            let name = try reader.string()
            guard let policy = Policy.builtIn(named: name) else {
                throw reader.error(
                    "unknown policy \(MessageValue.quoted(name)); built-in policies: "
                        + Policy.builtIn.map(\.name).joined(separator: ", ")
                        + " (or define one with \(KeyTable.PolicyColumn.required.map(\.rawValue).joined(separator: ", ")))")
            }
            return policy
        }
        guard case .mapping = reader.node else {
            throw reader.error("expected a policy name or a custom policy, found \(reader.found)")
        }
        typealias Key = KeyTable.PolicyColumn
        let fields = try reader.fields(Key.self)
        let hint = "a custom policy gives " + Key.required.map(\.rawValue).joined(separator: ", ")
        let name = try fields.required(.name, hint: hint).string()
        var policy = Policy(name: name, summary: "defined in \(URL(fileURLWithPath: reader.path).lastPathComponent)")
        for key in Key.allCases {
            guard let column = key.column,
                let given = try column.isRequired ? fields.required(key, hint: hint) : fields[key]
            else { continue }
            column.set(try value(of: column, in: given), in: &policy)
        }
        return policy
    }

    /// A column's value as a custom policy gives it: `true` or `false`, or one of the column's choices.
    private static func value(of column: PolicyColumn, in reader: NodeReader) throws(ModelFileError) -> String {
        guard let choices = column.choices else { return String(try reader.boolean()) }
        return try reader.choice(among: choices.map { Choice(rawValue: $0) }, what: column.key).rawValue
    }

    /// One of a column's choices, as `NodeReader.choice(among:what:)` reads it.
    private struct Choice: RawRepresentable {
        let rawValue: String
    }

    /// The invariants to decide: a non-empty sequence of invariant names; that none is listed twice is
    /// checked by `Scenario.validate()`.
    static func invariants(from reader: NodeReader) throws(ModelFileError) -> [ExtentProperty] {
        let items = try reader.elements()
        guard !items.isEmpty else {
            throw reader.error("invariants must list at least one invariant")
        }
        return try items.map { (item) throws(ModelFileError) in
            let name = try item.string()
            guard let invariant = ExtentProperty.builtIn(named: name) else {
                throw item.error(
                    "unknown invariant \(MessageValue.quoted(name)); expected \(NodeReader.alternatives(ExtentProperty.builtIn.map(\.name)))")
            }
            return invariant
        }
    }
}
