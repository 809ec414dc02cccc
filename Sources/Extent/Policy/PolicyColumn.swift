/// A column of the policy table: its key, as model files, written models and `extentcheck policies`
/// spell it, the values it takes, and the field of `Policy` that holds it. `Policy.columns` lists
/// every column, in the table's order.
public struct PolicyColumn: Sendable {
    /// The column's key, e.g. `dio-checksum`.
    public let key: String
    /// What the column decides, in a sentence: a model-file editor shows it beside the key.
    public let meaning: String
    /// The values the column takes, as a model file spells them: the choices of a column of named
    /// values, the first of them its default; nil for a yes-or-no column, spelled `true` or `false`.
    public let choices: [String]?
    /// Whether a custom policy must give the column: the columns of §3. A policy that leaves out
    /// another column takes its default, which leaves the rows of §3 as they are.
    public let isRequired: Bool
    private let reads: @Sendable (Policy) -> String
    private let writes: @Sendable (inout Policy, String) -> Bool
    private let isMeaningful: @Sendable (Policy) -> Bool

    /// A yes-or-no column held at `field`; with `appliesTo`, the policies for which it means something.
    static func flag(
        _ key: String, _ field: WritableKeyPath<Policy, Bool> & Sendable, _ meaning: String, required: Bool = false,
        appliesTo isMeaningful: @escaping @Sendable (Policy) -> Bool = { _ in true }
    ) -> PolicyColumn {
        PolicyColumn(
            key: key, meaning: meaning, choices: nil, isRequired: required, reads: { String($0[keyPath: field]) },
            writes: { policy, text in
                guard let value = Bool(text) else { return false }
                policy[keyPath: field] = value
                return true
            },
            isMeaningful: isMeaningful)
    }

    /// A column of the named values of `Value`, held at `field`, whose first case is its default.
    static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ field: WritableKeyPath<Policy, Value> & Sendable, _ meaning: String, required: Bool = false
    ) -> PolicyColumn where Value.RawValue == String {
        PolicyColumn(
            key: key, meaning: meaning, choices: Value.allCases.map(\.rawValue), isRequired: required, reads: { $0[keyPath: field].rawValue },
            writes: { policy, text in
                guard let value = Value(rawValue: text) else { return false }
                policy[keyPath: field] = value
                return true
            },
            isMeaningful: { _ in true })
    }

    /// The value a policy that does not give the column takes: its first choice, or `false`.
    public var defaultValue: String { choices?.first ?? String(false) }

    /// The column's value in `policy`, as a model file spells it.
    public func value(in policy: Policy) -> String { reads(policy) }

    /// Sets the column of `policy` to `value`, spelled as a model file spells it. Returns false, and
    /// leaves `policy` as it was, when `value` is none of the column's values.
    @discardableResult
    public func set(_ value: String, in policy: inout Policy) -> Bool { writes(&policy, value) }

    /// Whether the column means something for `policy`: a direct write's checksum does not under a
    /// path that always falls back to buffered writes.
    public func applies(to policy: Policy) -> Bool { isMeaningful(policy) }
}
