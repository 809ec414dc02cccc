import Foundation
import Testing
import Z3Kit

@Suite("Unknown results")
struct UnknownResultTests {
    /// x * y == p * q for two 32-bit primes, x and y 64-bit and above 1, multiplied in 128 bits so no
    /// product wraps: factoring a 64-bit semiprime, far beyond what Z3 does in a millisecond.
    private func assertFactoring(_ solver: Z3Solver, _ context: Z3Context) throws {
        let semiprime = UInt64(4_294_967_291) * 4_294_967_279
        let word = try context.bitVectorSort(bits: 64)
        let x = try context.constant(named: "x", sort: word)
        let y = try context.constant(named: "y", sort: word)
        let one = try context.bitVector(1, bits: 64)
        let product = try x.zeroExtended(by: 64).times(y.zeroExtended(by: 64))
        try solver.assert(product.equals(context.bitVector(semiprime, bits: 64).zeroExtended(by: 64)))
        try solver.assert(x.unsignedGreaterThan(one))
        try solver.assert(y.unsignedGreaterThan(one))
    }

    @Test("a hard query under a 1 ms timeout answers unknown with Z3's reason")
    func timeoutGivesUnknown() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context, timeoutMilliseconds: 1)
        try assertFactoring(solver, context)
        let start = ContinuousClock.now
        let result = try solver.check()
        let elapsed = ContinuousClock.now - start
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(solver.reasonUnknown == reason)
        #expect(elapsed < .seconds(10))
    }

    @Test("the solver stays usable after a timeout, and check(assuming:) times out too")
    func usableAfterTimeout() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context, timeoutMilliseconds: 1)
        try solver.withScope {
            try assertFactoring(solver, context)
            let result = try solver.check(assuming: [context.boolean(true)])
            guard case .unknown(let reason) = result else {
                Issue.record("expected unknown, got \(result)")
                return
            }
            #expect(!reason.isEmpty)
        }
        try solver.setParameter("timeout", to: 60_000)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 8))
        try solver.assert(x.equals(context.bitVector(5, bits: 8)))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().unsignedValue(of: x) == 5)
    }
}
