/// A statement about the words of a state: comparisons of words, blocks and checksums joined with
/// `&&`, `||` and `!`. A judgement says what would break a property as a condition, and the checker
/// decides it as one question: in symbolic mode the condition is possible when some value of the
/// variables satisfies it together with the state's path condition; in `concrete:K` mode it is
/// evaluated on the values.
///
/// ```swift
/// let changedAlone = oldChecksum != newChecksum && oldData == newData
/// ```
///
/// Because the whole condition is one question, a condition that needs one valuation for all its
/// comparisons (the checksum differs *and*, for the same values, the data is equal) is decided as
/// such: a symbolic `holds` covers every content of every buffer.
public struct Condition: Sendable {
    /// A condition in negation normal form: negations are pushed into the comparisons.
    enum Formula: Sendable {
        /// Always true, or always false.
        case constant(Bool)
        /// Two sides compared.
        case comparison(Comparison)
        /// Every part holds.
        case all([Formula])
        /// Some part holds.
        case any([Formula])
    }

    /// Two blocks' words, or their checksums, said to be equal or to differ.
    struct Comparison: Sendable {
        var a: BlockData
        var b: BlockData
        /// Whether H(a) and H(b) are compared, rather than the words.
        var comparesChecksums: Bool
        /// Whether the comparison says the sides differ; else it says they are equal.
        var differ: Bool

        /// The comparison's kind as one word, as path conditions store an atom's: bit 0 differ, bit 1 checksums.
        var flags: UInt32 { (differ ? 1 : 0) | (comparesChecksums ? 2 : 0) }
    }

    let formula: Formula

    init(_ formula: Formula) {
        self.formula = formula
    }

    /// A condition that does not depend on the words: `true` or `false`.
    public init(_ value: Bool) {
        formula = .constant(value)
    }

    /// A condition that holds for every value of the variables.
    public static let always = Condition(true)
    /// A condition that holds for no value of the variables.
    public static let never = Condition(false)

    /// The condition that the sides are equal (`differ` false) or differ.
    init(_ a: BlockData, _ b: BlockData, comparesChecksums: Bool, differ: Bool) {
        formula = .comparison(Comparison(a: a, b: b, comparesChecksums: comparesChecksums, differ: differ))
    }
}

extension Condition: ExpressibleByBooleanLiteral {
    /// `true` or `false`, as a condition.
    public init(booleanLiteral value: Bool) {
        self.init(value)
    }
}

extension Condition.Formula {
    /// The formula that holds exactly where `self` does not, still in negation normal form.
    var negated: Self {
        switch self {
        case .constant(let value):
            return .constant(!value)
        case .comparison(var comparison):
            comparison.differ.toggle()
            return .comparison(comparison)
        case .all(let parts):
            return .any(parts.map(\.negated))
        case .any(let parts):
            return .all(parts.map(\.negated))
        }
    }

    /// Whether the formula is a conjunction of parts.
    var isConjunction: Bool {
        if case .all = self { true } else { false }
    }

    /// Every comparison of the formula, in order.
    var comparisons: [Condition.Comparison] {
        switch self {
        case .constant: []
        case .comparison(let comparison): [comparison]
        case .all(let parts), .any(let parts): parts.flatMap(\.comparisons)
        }
    }

    /// The formula with each comparison replaced by what `decide` says of it (nil: undecided, kept),
    /// and constants folded.
    func folding(_ decide: (Condition.Comparison) -> Bool?) -> Self {
        switch self {
        case .constant: return self
        case .comparison(let comparison): return decide(comparison).map(Self.constant) ?? self
        case .all(let parts): return Self.joining(parts.map { $0.folding(decide) }, all: true)
        case .any(let parts): return Self.joining(parts.map { $0.folding(decide) }, all: false)
        }
    }

    /// The conjunction (`all`) or disjunction of `parts`, with constants folded and nested joins of
    /// the same kind flattened.
    static func joining(_ parts: [Self], all: Bool) -> Self {
        var kept: [Self] = []
        for part in parts {
            switch part {
            case .constant(let value):
                // true absorbs a disjunction, false a conjunction; the other value is dropped.
                if value != all { return .constant(value) }
            case .all(let inner) where all: kept += inner
            case .any(let inner) where !all: kept += inner
            default: kept.append(part)
            }
        }
        if kept.isEmpty { return .constant(all) }
        return kept.count == 1 ? kept[0] : all ? .all(kept) : .any(kept)
    }
}
