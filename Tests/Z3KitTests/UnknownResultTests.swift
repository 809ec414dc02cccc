import Foundation
import Testing
import Z3Kit

/// Asserts x * y == p * q for two 32-bit primes, x and y 64-bit and above 1, multiplied in 128 bits so no
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

@Suite("Unknown results")
struct UnknownResultTests {
    @Test("a hard query under a 1 ms timeout answers unknown with reason \"timeout\"")
    func timeoutGivesUnknown() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context, timeoutMilliseconds: 1)
        try assertFactoring(solver, context)
        let start = ContinuousClock.now
        let result = try solver.check()
        let elapsed = ContinuousClock.now - start
        #expect(result == .unknown(reason: "timeout"))
        #expect(elapsed < .seconds(10))
    }

    @Test("after a timeout the solver and context stay usable, and check(assuming:) times out too")
    func usableAfterTimeout() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context, timeoutMilliseconds: 1)
        let x = try context.constant(named: "x", sort: context.bitVectorSort(bits: 8))
        try solver.withScope {
            try assertFactoring(solver, context)
            #expect(try solver.check(assuming: [context.boolean(true)]) == .unknown(reason: "timeout"))
            // The interrupt that stopped the check does not cancel later calls.
            #expect(try x.plus(context.bitVector(1, bits: 8)).equals(x).simplified().booleanValue == false)
        }
        solver.timeoutMilliseconds = 60_000
        try solver.assert(x.equals(context.bitVector(5, bits: 8)))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().unsignedValue(of: x) == 5)
        solver.timeoutMilliseconds = nil
        #expect(try solver.check() == .sat)
    }

    @Test("timeouts on several threads at once all fire (Z3 4.8.12's own timer could hang here)")
    func concurrentTimeouts() async throws {
        let results = try await withThrowingTaskGroup(of: [SatResult].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let context = Z3Context()
                    var results: [SatResult] = []
                    for round in 0..<10 {
                        let solver = try Z3Solver(context: context, timeoutMilliseconds: round.isMultiple(of: 2) ? 1 : 60_000)
                        if round.isMultiple(of: 2) {
                            try assertFactoring(solver, context)
                        }
                        results.append(try solver.check())
                    }
                    return results
                }
            }
            return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
        }
        #expect(results.count == 40)
        #expect(results.filter { $0 == .unknown(reason: "timeout") }.count == 20)
        #expect(results.filter { $0 == .sat }.count == 20)
    }

    @Test("an exhausted resource limit answers unknown with Z3's own reason")
    func resourceLimitGivesUnknown() throws {
        let context = Z3Context()
        let solver = try Z3Solver(context: context)
        try solver.setParameter("rlimit", to: 1_000)
        try assertFactoring(solver, context)
        let result = try solver.check()
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(reason == solver.reasonUnknown)
    }

    /// Z3 would otherwise install a SIGINT handler of its own for the length of every check, and a
    /// Ctrl-C would cancel that query instead of reaching the program's handler.
    @Test("a check leaves the process's SIGINT handler as it is")
    func checkKeepsTheSigintHandler() throws {
        @Sendable func handler() -> UInt {
            var action = sigaction()
            sigaction(SIGINT, nil, &action)
            return withUnsafeBytes(of: action.__sigaction_handler) { $0.load(as: UInt.self) }
        }
        let before = handler()
        let context = Z3Context()
        let solver = try Z3Solver(context: context, timeoutMilliseconds: 1_000)
        try assertFactoring(solver, context)
        let during = Peek()
        let start = ContinuousClock.now
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            during.record(handler())
        }
        let result = try solver.check()
        let end = ContinuousClock.now
        let peek = try #require(during.seen, "the check ended before the handler was looked at")
        #expect(result == .unknown(reason: "timeout"))
        #expect(peek.at > start && peek.at < end, "looked at during the check")
        #expect(peek.handler == before)
        #expect(handler() == before)
    }
}

/// What a thread saw of the SIGINT handler, and when.
private final class Peek: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (handler: UInt, at: ContinuousClock.Instant)?

    func record(_ handler: UInt) { lock.withLock { value = (handler, ContinuousClock.now) } }
    var seen: (handler: UInt, at: ContinuousClock.Instant)? { lock.withLock { value } }
}
