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
        typealias Column = KeyTable.PolicyColumn
        let fields = try reader.fields(Column.self)
        let hint = "a custom policy gives " + Column.required.map(\.rawValue).joined(separator: ", ")
        let nameReader = try fields.required(.name, hint: hint)
        let name = try nameReader.string()
        return Policy(
            name: name,
            directIOPath: try fields.required(.dioPath, hint: hint).choice(Policy.DirectIOPath.self, what: Column.dioPath.rawValue),
            directIOChecksum: try fields.required(.dioChecksum, hint: hint).boolean(),
            bufferedChecksum: try fields.required(.bufferedChecksum, hint: hint).boolean(),
            stablePages: try fields.required(.stablePages, hint: hint).boolean(),
            verify: try fields.choice(.verify, Policy.Verify.self) ?? Column.defaults.verify,
            deviceCheck: try fields.choice(.deviceCheck, Policy.DeviceCheck.self) ?? Column.defaults.deviceCheck,
            userPages: try fields.choice(.userPages, Policy.UserPages.self) ?? Column.defaults.userPages,
            writebackSource: try fields.choice(.writebackSource, Policy.WritebackSource.self) ?? Column.defaults.writebackSource,
            summary: "defined in \(URL(fileURLWithPath: reader.path).lastPathComponent)")
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
