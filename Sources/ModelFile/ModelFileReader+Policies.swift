internal import Foundation
internal import Extent

extension ModelFileReader {
    /// The columns of a custom policy that must be given.
    static let customPolicyKeys = ["name", "dio-path", "dio-checksum", "buffered-checksum", "stable-pages"]
    /// The columns of §8, each optional, with a default that leaves the rows of §3 as they are.
    static let optionalPolicyKeys = ["verify", "device-check", "user-pages", "writeback-source"]

    /// The policies to check: a non-empty sequence of built-in names and custom policies.
    static func policies(from reader: NodeReader) throws(ModelFileError) -> [Policy] {
        let items = try reader.elements()
        guard !items.isEmpty else {
            throw reader.error("policies must list at least one policy")
        }
        var policies: [Policy] = []
        for item in items {
            let (policy, nameReader) = try policy(from: item)
            if let first = policies.firstIndex(where: { $0.name == policy.name }) {
                throw nameReader.error("policy '\(policy.name)' is already listed (\(reader.key)[\(first)])")
            }
            policies.append(policy)
        }
        return policies
    }

    /// One item of `policies`, and the reader of its name (for errors about the name).
    static func policy(from reader: NodeReader) throws(ModelFileError) -> (Policy, NodeReader) {
        if reader.isScalar {
            let name = try reader.string()
            guard let policy = Policy.builtIn(named: name) else {
                throw reader.error(
                    "unknown policy '\(name)'; built-in policies: "
                        + Policy.builtIn.map(\.name).joined(separator: ", ")
                        + " (or define one with \(customPolicyKeys.joined(separator: ", ")))")
            }
            return (policy, reader)
        }
        guard case .mapping = reader.node else {
            throw reader.error("expected a policy name or a custom policy, found \(reader.found)")
        }
        let fields = try reader.fields(customPolicyKeys + optionalPolicyKeys)
        let hint = "a custom policy gives " + customPolicyKeys.joined(separator: ", ")
        let nameReader = try fields.required("name", hint: hint)
        let name = try nameReader.string()
        guard Policy.builtIn(named: name) == nil else {
            throw nameReader.error("'\(name)' is a built-in policy; give the custom policy another name")
        }
        let policy = Policy(
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
        return (policy, nameReader)
    }

    /// The invariants to decide: a non-empty sequence of invariant names, none twice.
    static func invariants(from reader: NodeReader) throws(ModelFileError) -> [ExtentProperty] {
        let items = try reader.elements()
        guard !items.isEmpty else {
            throw reader.error("invariants must list at least one invariant")
        }
        var invariants: [ExtentProperty] = []
        for item in items {
            let name = try item.string()
            guard let invariant = ExtentProperty.builtIn(named: name) else {
                throw item.error(
                    "unknown invariant '\(name)'; expected \(NodeReader.alternatives(ExtentProperty.builtIn.map(\.name)))")
            }
            if let first = invariants.firstIndex(of: invariant) {
                throw item.error("invariant '\(invariant.name)' is already listed (\(reader.key)[\(first)])")
            }
            invariants.append(invariant)
        }
        return invariants
    }
}
