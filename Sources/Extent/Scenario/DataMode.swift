/// How the checker treats the content of words.
public enum DataMode: Hashable, Sendable {
    /// Every fresh word is a new symbolic variable; verdicts cover every content.
    case symbolic
    /// Words take the values `0..<k`; every fresh value is a branch the explorer enumerates.
    case concrete(Int)

    /// The largest `k` accepted for `concrete:k`.
    public static let maximumConcreteValues = 251
}

extension DataMode: CustomStringConvertible {
    /// The mode as a model file spells it: `symbolic` or `concrete:K`.
    public var description: String {
        switch self {
        case .symbolic: "symbolic"
        case .concrete(let k): "concrete:\(k)"
        }
    }
}
