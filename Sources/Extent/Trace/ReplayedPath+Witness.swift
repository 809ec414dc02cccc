extension ReplayedPath {
    /// The variables of the path's states and the word lists whose checksums a trace shows: every
    /// stored and computed checksum, and both sides of every checksum comparison in `exhibited` and
    /// in the outcomes assumed on the way (a read's check, a scrub's).
    func witnessed(exhibiting exhibited: Condition.Formula?) -> (variables: [UInt32], checksummed: [[UInt32]]) {
        let layout = model.layout
        var variables = Set<UInt32>()
        var checksummed = Set<[UInt32]>()
        let decider = TermDecider(model: model, renderer: .names)
        for state in states {
            for slot in layout.wordBase..<layout.count where state[slot] != StateLayout.none {
                variables.insert(state[slot])
            }
            for part in StatePart.all(in: StateView(state, decider: decider)) {
                if let checksum = part.checksum { checksummed.insert(checksum.data.terms) }
            }
        }
        for atom in model.pathCondition(of: final).joined() where atom.comparesChecksums {
            checksummed.insert(atom.a)
            checksummed.insert(atom.b)
        }
        for comparison in exhibited?.comparisons ?? [] where comparison.comparesChecksums {
            checksummed.insert(comparison.a.terms)
            checksummed.insert(comparison.b.terms)
        }
        return (variables.sorted(), checksummed.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Values for every variable of the path under which `exhibited` and the last state's path
    /// condition hold (with `given`, those values), and the checksums a trace shows; nil when there are none.
    func witness(
        by oracle: SolverOracle, exhibiting exhibited: Condition.Formula?, given: [UInt32: UInt64]? = nil
    ) throws -> SolverOracle.Witness? {
        let (variables, checksummed) = witnessed(exhibiting: exhibited)
        // The values must satisfy what the outcomes on the way assumed: the last state's path condition.
        return try oracle.witness(
            variables: variables, exhibiting: exhibited, conditions: model.pathCondition(of: final),
            checksummed: checksummed, given: given)
    }

    /// Words and checksums shown as `values` and `sums`, in the model's word width and checksum.
    func rendering(values: [UInt32: UInt64], sums: [[UInt32]: UInt64]) -> TraceRendering {
        TraceRendering(values: values, sums: sums, geometry: model.geometry, checksum: model.scenario.checksum)
    }
}
