extension Condition {
    /// Both conditions hold, for one value of the variables.
    public static func && (lhs: Condition, rhs: Condition) -> Condition {
        Condition(.joining([lhs.formula, rhs.formula], all: true))
    }

    /// One of the conditions holds.
    public static func || (lhs: Condition, rhs: Condition) -> Condition {
        Condition(.joining([lhs.formula, rhs.formula], all: false))
    }

    /// The condition does not hold.
    public static prefix func ! (condition: Condition) -> Condition {
        Condition(condition.formula.negated)
    }

    /// Every one of `conditions` holds, for one value of the variables; `true` when there are none.
    public static func all(_ conditions: some Sequence<Condition>) -> Condition {
        Condition(.joining(conditions.map(\.formula), all: true))
    }

    /// Some one of `conditions` holds; `false` when there are none.
    public static func any(_ conditions: some Sequence<Condition>) -> Condition {
        Condition(.joining(conditions.map(\.formula), all: false))
    }
}

extension BlockData {
    /// The blocks hold the same words.
    public static func == (lhs: BlockData, rhs: BlockData) -> Condition {
        Condition(lhs, rhs, comparesChecksums: false, differ: false)
    }

    /// Some word of the blocks differs.
    public static func != (lhs: BlockData, rhs: BlockData) -> Condition {
        Condition(lhs, rhs, comparesChecksums: false, differ: true)
    }
}

extension Word {
    /// The words hold the same value.
    public static func == (lhs: Word, rhs: Word) -> Condition {
        Condition(BlockData(term: lhs.term), BlockData(term: rhs.term), comparesChecksums: false, differ: false)
    }

    /// The words hold different values.
    public static func != (lhs: Word, rhs: Word) -> Condition {
        Condition(BlockData(term: lhs.term), BlockData(term: rhs.term), comparesChecksums: false, differ: true)
    }
}

extension Checksum {
    /// The checksums are equal: H gives the same value on both blocks.
    public static func == (lhs: Checksum, rhs: Checksum) -> Condition {
        Condition(lhs.data, rhs.data, comparesChecksums: true, differ: false)
    }

    /// The checksums differ.
    public static func != (lhs: Checksum, rhs: Checksum) -> Condition {
        Condition(lhs.data, rhs.data, comparesChecksums: true, differ: true)
    }
}
