extension DataMode {
    /// Parses a data mode as model files and the command line spell it: `symbolic` or `concrete:K`.
    ///
    /// The error says in words what is wrong with `text`.
    public init(parsing text: String) throws(DataMode.ParseError) {
        if text == "symbolic" {
            self = .symbolic
            return
        }
        let prefix = "concrete:"
        guard text.hasPrefix(prefix) else {
            throw ParseError("unknown data mode '\(text)'; expected symbolic or concrete:K")
        }
        let maximum = Self.maximumConcreteValues
        let count = text.dropFirst(prefix.count)
        guard !count.isEmpty, count.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let k = Int(count)
        else {
            throw ParseError("expected concrete:K with K an integer 1 through \(maximum), found '\(text)'")
        }
        guard (1...maximum).contains(k) else {
            throw ParseError("concrete:K needs K 1 through \(maximum), found \(k)")
        }
        self = .concrete(k)
    }

    /// Why this mode cannot be used on `scenario`, in words, or nil if it can: concrete values that
    /// do not fit its words, or more initial states than a search may start from. It answers for any
    /// scenario, valid or not; `Scenario.validate()` checks the rest of it.
    public func problem(for scenario: Scenario) -> String? {
        guard case .concrete(let k) = self else { return nil }
        guard (1...Self.maximumConcreteValues).contains(k) else {
            return "concrete:K needs K 1 through \(Self.maximumConcreteValues), found \(k)"
        }
        let bits = scenario.geometry.wordBits
        guard bits >= 64 || (bits > 0 && UInt64(k - 1) >> UInt64(bits) == 0) else {
            return "concrete:\(k) has values that do not fit in \(bits)-bit words"
        }
        // Counted in floating point, so that no size, however large, overflows.
        let blocks = scenario.buffers.reduce(Double(scenario.geometry.blocks)) { $0 + Double(max(0, $1.blocks)) }
        let words = Int(max(0, min(blocks * Double(max(0, scenario.geometry.blockWords)), 1e6)))
        var states = 1.0
        for _ in 0..<words where states <= Double(Scenario.maximumConcreteInitialStates) { states *= Double(k) }
        guard states <= Double(Scenario.maximumConcreteInitialStates) else {
            return "concrete:\(k) over \(words) fresh initial words gives \(k)^\(words) initial states, more than "
                + "\(Scenario.maximumConcreteInitialStates); use fewer values, fewer words, or symbolic data"
        }
        return nil
    }

    /// A data mode that could not be parsed, with the reason in words.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, in words.
        public var description: String

        init(_ description: String) { self.description = description }
    }
}
