internal import Foundation
internal import Extent

extension ModelFileReader {
    /// The columns of a custom policy that must be given.
    static let customPolicyKeys = ["name", "dio-path", "dio-checksum", "buffered-checksum", "stable-pages"]
    /// The columns of §8, each optional, with a default that leaves the rows of §3 as they are.
    static let optionalPolicyKeys = ["verify", "device-check", "user-pages", "writeback-source"]

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
                        + " (or define one with \(customPolicyKeys.joined(separator: ", ")))")
            }
            return policy
        }
        guard case .mapping = reader.node else {
            throw reader.error("expected a policy name or a custom policy, found \(reader.found)")
        }
        let fields = try reader.fields(customPolicyKeys + optionalPolicyKeys)
        let hint = "a custom policy gives " + customPolicyKeys.joined(separator: ", ")
        let nameReader = try fields.required("name", hint: hint)
        let name = try nameReader.string()
        return Policy(
            name: name,
            directIOPath: try fields.required("dio-path", hint: hint)
                .choice(Policy.DirectIOPath.self, what: "dio-path"),
            directIOChecksum: try fields.required("dio-checksum", hint: hint).boolean(),
            bufferedChecksum: try fields.required("buffered-checksum", hint: hint).boolean(),
            stablePages: try fields.required("stable-pages", hint: hint).boolean(),
            verify: try fields["verify"]?.choice(Policy.Verify.self, what: "verify") ?? .none,
            deviceCheck: try fields["device-check"]?.choice(Policy.DeviceCheck.self, what: "device-check") ?? .none,
            userPages: try fields["user-pages"]?.choice(Policy.UserPages.self, what: "user-pages") ?? .writable,
            writebackSource: try fields["writeback-source"]?.choice(Policy.WritebackSource.self, what: "writeback-source")
                ?? .folio,
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
