import Testing
import Z3Kit

@Suite("Errors")
struct ErrorTests {
    @Test("a sort mismatch throws a Z3Error instead of exiting, and the context stays usable")
    func sortMismatch() throws {
        let context = Z3Context()
        let byte = try context.constant(named: "b", sort: context.bitVectorSort(bits: 8))
        let word = try context.constant(named: "w", sort: context.bitVectorSort(bits: 32))
        let error = #expect(throws: Z3Error.self) { try byte.xor(word) }
        // Z3 4.8 reports a mismatch found while building a term as an exception, not as a sort error.
        #expect(error?.code == .sortError || error?.code == .exception)
        #expect(error?.message.isEmpty == false)
        #expect(throws: Z3Error.self) { try byte.equals(word) }
        #expect(throws: Z3Error.self) { try byte.concatenated(with: context.boolean(true)) }
        #expect(throws: Z3Error.self) { try context.and([byte]) }
        #expect(throws: Z3Error.self) { try byte.not() }
        #expect(throws: Z3Error.self) { try context.crc32c(of: [context.boolean(true)]) }
        // The failed calls left no error behind.
        let fine = try byte.xor(context.bitVector(0xFF, bits: 8))
        #expect(fine.sort.bits == 8)
    }

    @Test("asserting a non-Boolean term throws")
    func assertNonBoolean() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        #expect(throws: Z3Error.self) { try solver.assert(context.bitVector(1, bits: 8)) }
        #expect(try solver.check() == .sat)
    }

    @Test("Z3's own timeout parameter is refused (its timer can hang in libz3 4.8.12)")
    func timeoutParameterRefused() throws {
        let solver = try Z3Solver(context: Z3Context())
        let error = #expect(throws: Z3Error.self) { try solver.setParameter("timeout", to: 10) }
        #expect(error?.code == .invalidUsage)
        try solver.setParameter("rlimit", to: 1_000_000)
    }

    @Test("asking for a model after unsat throws")
    func modelAfterUnsat() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        try solver.assert(context.boolean(false))
        #expect(try solver.check() == .unsat)
        #expect(throws: Z3Error.self) { try solver.model() }
    }

    @Test("out-of-range widths, values and bit indices throw invalidArgument")
    func invalidArguments() throws {
        let context = Z3Context()
        let byte = try context.bitVector(0xAB, bits: 8)
        func expectInvalidArgument(_ attempt: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
            let error = #expect(throws: Z3Error.self, sourceLocation: sourceLocation) { try attempt() }
            #expect(error?.code == .invalidArgument, sourceLocation: sourceLocation)
        }
        expectInvalidArgument { _ = try context.bitVectorSort(bits: 0) }
        expectInvalidArgument { _ = try context.bitVector(1, bits: 65) }
        expectInvalidArgument { _ = try context.bitVector(256, bits: 8) }
        expectInvalidArgument { _ = try byte.extract(high: 8, low: 0) }
        expectInvalidArgument { _ = try byte.extract(high: 2, low: 3) }
        expectInvalidArgument { _ = try byte.shiftLeft(-1) }
    }

    @Test("terms from another context are rejected")
    func foreignContext() throws {
        let first = Z3Context()
        let second = Z3Context()
        let a = try first.bitVector(1, bits: 8)
        let b = try second.bitVector(1, bits: 8)
        let error = #expect(throws: Z3Error.self) { try a.equals(b) }
        #expect(error?.code == .invalidUsage)
        let solver = try Z3Solver(context: first)
        #expect(throws: Z3Error.self) { try solver.assert(second.boolean(true)) }
    }

    @Test("a function applied to the wrong number or sorts of arguments throws")
    func functionArguments() throws {
        let context = Z3Context()
        let word = try context.bitVectorSort(bits: 32)
        let h = try context.function(named: "H", domain: [word], range: word)
        let a = try context.constant(named: "a", sort: word)
        #expect(throws: Z3Error.self) { try h(a, a) }
        #expect(throws: Z3Error.self) { try h(context.bitVector(1, bits: 8)) }
    }
}
