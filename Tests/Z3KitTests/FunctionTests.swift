import Testing
import Z3Kit

@Suite("Uninterpreted functions")
struct FunctionTests {
    @Test("H(a) != H(b) is satisfiable for free a and b; H(a) != H(a) is not")
    func uninterpretedHash() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = try context.bitVectorSort(bits: 32)
        let h = try context.function(named: "H", domain: [word], range: word)
        let a = try context.constant(named: "a", sort: word)
        let b = try context.constant(named: "b", sort: word)
        try solver.withScope {
            try solver.assert(h(a).notEquals(h(b)))
            #expect(try solver.check() == .sat)
            let model = try solver.model()
            #expect(try model.unsignedValue(of: a) != model.unsignedValue(of: b))
            #expect(try model.unsignedValue(of: h(a)) != model.unsignedValue(of: h(b)))
        }
        try solver.withScope {
            try solver.assert(h(a).notEquals(h(a)))
            #expect(try solver.check() == .unsat)
        }
        try solver.withScope {
            try solver.assert(a.equals(b))
            try solver.assert(h([a]).notEquals(h([b])))
            #expect(try solver.check() == .unsat)
        }
        #expect(try h(a).sort == word)
        #expect(h.arity == 1)
        #expect(h.description.contains("H"))
    }

    @Test("functions over several arguments and uninterpreted sorts")
    func severalArgumentsAndUninterpretedSorts() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let block = try context.uninterpretedSort(named: "Block")
        let word = try context.bitVectorSort(bits: 16)
        let f = try context.function(named: "F", domain: [block, word], range: context.booleanSort())
        let x = try context.constant(named: "x", sort: block)
        let y = try context.constant(named: "y", sort: block)
        let zero = try context.bitVector(0, bits: 16)
        #expect(block.bits == nil && !block.isBoolean)
        try solver.assert(f(x, zero))
        try solver.assert(f(y, zero).not())
        #expect(try solver.check() == .sat)
        try solver.assert(x.equals(y))
        #expect(try solver.check() == .unsat)
    }
}
