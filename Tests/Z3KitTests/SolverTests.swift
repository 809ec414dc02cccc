import Testing
import Z3Kit

@Suite("Solver")
struct SolverTests {
    @Test("a satisfiable query has a model whose values satisfy it")
    func satisfiableWithModel() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let byte = try context.bitVectorSort(bits: 8)
        let x = try context.constant(named: "x", sort: byte)
        let y = try context.constant(named: "y", sort: byte)
        let flag = try context.constant(named: "flag", sort: context.booleanSort())
        try solver.assert(x.plus(y).equals(context.bitVector(10, bits: 8)))
        try solver.assert(x.unsignedLessThan(y))
        try solver.assert(x.unsignedGreaterThan(context.bitVector(2, bits: 8)))
        try solver.assert(flag.iff(x.equals(context.bitVector(3, bits: 8))))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        let xValue = try #require(try model.unsignedValue(of: x))
        let yValue = try #require(try model.unsignedValue(of: y))
        #expect((xValue + yValue) & 0xFF == 10)
        #expect(xValue < yValue && xValue > 2)
        #expect(try model.booleanValue(of: flag) == (xValue == 3))
        #expect(try model.evaluate(x.plus(y)).unsignedValue == 10)
        #expect(!model.description.isEmpty)
    }

    @Test("model completion gives unconstrained constants a value only when asked")
    func modelCompletion() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let word = try context.bitVectorSort(bits: 32)
        let x = try context.constant(named: "x", sort: word)
        let unused = try context.constant(named: "unused", sort: word)
        try solver.assert(x.equals(context.bitVector(7, bits: 32)))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.evaluate(unused, completion: false).unsignedValue == nil)
        #expect(try model.evaluate(unused, completion: true).unsignedValue != nil)
        #expect(try model.unsignedValue(of: x) == 7)
    }

    @Test("an unsatisfiable query answers unsat")
    func unsatisfiable() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 16))
        try solver.assert(x.unsignedLessThan(context.bitVector(3, bits: 16)))
        try solver.assert(x.unsignedGreaterThan(context.bitVector(5, bits: 16)))
        #expect(try solver.check() == .unsat)
    }

    @Test("push and pop scope assertions")
    func pushPopScoping() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 8))
        let one = try context.bitVector(1, bits: 8)
        let two = try context.bitVector(2, bits: 8)
        try solver.assert(x.equals(one))
        #expect(solver.scopeCount == 0)
        solver.push()
        try solver.assert(x.equals(two))
        #expect(solver.scopeCount == 1)
        #expect(try solver.check() == .unsat)
        solver.pop()
        #expect(solver.scopeCount == 0)
        #expect(try solver.check() == .sat)

        solver.push()
        solver.push()
        try solver.assert(x.equals(two))
        solver.pop(2)
        #expect(try solver.check() == .sat)

        let inside = try solver.withScope {
            try solver.assert(x.notEquals(one))
            return try solver.check()
        }
        #expect(inside == .unsat)
        #expect(solver.scopeCount == 0)
        #expect(try solver.check() == .sat)
    }

    @Test("withScope pops its scope when the body throws")
    func withScopePopsOnThrow() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 8))
        #expect(throws: Z3Error.self) {
            try solver.withScope {
                try solver.assert(context.boolean(false))
                _ = try x.xor(context.bitVector(1, bits: 4))
            }
        }
        #expect(solver.scopeCount == 0)
        #expect(try solver.check() == .sat)
    }

    @Test("check(assuming:) adds assumptions for one check only")
    func checkAssuming() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 8))
        let p = try context.constant(named: "p", sort: context.booleanSort())
        try solver.assert(p.implies(x.equals(context.bitVector(1, bits: 8))))
        #expect(try solver.check(assuming: [p, x.equals(context.bitVector(2, bits: 8))]) == .unsat)
        #expect(try solver.check(assuming: [p]) == .sat)
        #expect(try solver.model().unsignedValue(of: x) == 1)
        #expect(try solver.check(assuming: [p.not(), x.equals(context.bitVector(2, bits: 8))]) == .sat)
        #expect(try solver.check(assuming: []) == .sat)
        #expect(try solver.check() == .sat)
    }

    @Test("Boolean connectives over term lists")
    func booleanConnectives() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        let byte = try context.bitVectorSort(bits: 8)
        let terms = try (0..<4).map { try context.constant(named: "v\($0)", sort: byte) }
        let small = try context.bitVector(3, bits: 8)
        try solver.assert(context.distinct(terms))
        try solver.assert(context.and(terms.map { try $0.unsignedLessThanOrEqual(small) }))
        #expect(try solver.check() == .sat)
        try solver.assert(context.or(terms.map { try $0.unsignedGreaterThanOrEqual(small).not() }).not())
        #expect(try solver.check() == .unsat)
        #expect(try context.and([]).simplified().booleanValue == true)
        #expect(try context.or([]).simplified().booleanValue == false)
        #expect(try context.distinct([terms[0]]).simplified().booleanValue == true)
    }

    @Test("reset removes every assertion")
    func reset() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        try solver.assert(context.boolean(false))
        #expect(try solver.check() == .unsat)
        solver.reset()
        #expect(try solver.check() == .sat)
    }
}
