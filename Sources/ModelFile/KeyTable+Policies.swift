internal import Extent

extension KeyTable {
    /// The keys of a custom policy: its name, then the columns of the policy table as
    /// `Policy.columns` lists them, those of §3 required, those of §8 with their defaults.
    struct PolicyColumn: ModelFileKey, Hashable {
        let rawValue: String

        init?(rawValue: String) {
            guard rawValue == Self.name.rawValue || Policy.columns.contains(where: { $0.key == rawValue }) else { return nil }
            self.rawValue = rawValue
        }

        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The policy's name.
        static let name = Self("name")
        static let allCases = [name] + Policy.columns.map { Self($0.key) }
        static let definition = "custom-policy"
        static let summary = "A policy defined from the columns of the policy table."

        /// The keys a custom policy must give, in order.
        static var required: [Self] { allCases.filter(\.declaration.isRequired) }

        /// The column of the policy table this key names; nil for `name`.
        var column: Extent.PolicyColumn? { Policy.columns.first { $0.key == rawValue } }

        var declaration: KeyDeclaration {
            guard let column else {
                return KeyDeclaration(
                    .name(excluding: Policy.builtIn.map(\.name)), "The policy's name, which no built-in policy has.",
                    required: true)
            }
            let shape: ValueShape = column.choices.map { .word($0) } ?? .boolean
            guard !column.isRequired else { return KeyDeclaration(shape, column.meaning, required: true) }
            let defaultValue: JSONValue = column.choices == nil ? .boolean(false) : .string(column.defaultValue)
            return KeyDeclaration(shape, column.meaning, default: defaultValue)
        }
    }
}
