#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import Z3Kit

/// Resident memory of this process in bytes, from /proc/self/statm (nil where there is none).
private func residentBytes() -> Int? {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// One query on the long-lived `solver`: fresh terms, push, assert, check, pop. One query in 16 is
/// satisfiable and reads its model; the others are unsatisfiable equations, which Z3 answers in
/// microseconds (an unsatisfiable xor constraint costs ~5x more: Z3 bit-blasts it on every check).
/// Returns whether Z3 answered as expected (`#expect` in this hot loop would dominate its run time).
private func query(_ index: Int, _ context: Z3Context, _ solver: Z3Solver, _ word: Z3Sort) throws -> Bool {
    let x = try context.constant(named: "x\(index)", sort: word)
    let value = try context.bitVector(UInt64(index), bits: 32)
    let mask = try context.bitVector(0xA5A5, bits: 32)
    return try solver.withScope {
        guard index.isMultiple(of: 16) else {
            try solver.assert(x.equals(value))
            try solver.assert(x.equals(value.plus(mask)))
            return try solver.check() == .unsat
        }
        try solver.assert(x.xor(value).equals(mask))
        guard try solver.check() == .sat else { return false }
        return try solver.model().unsignedValue(of: x) == UInt64(index) ^ 0xA5A5
    }
}

@Suite("Reference counting")
struct ReferenceCountingTests {
    /// Runs in a process of its own: resident memory is the whole process's, and the other suites
    /// allocate beside this one.
    @Test("100,000 queries on one solver neither crash nor leak")
    func manyQueries() async {
        await #expect(processExitsWith: .success) {
            let context = Z3Context()
            let solver = try Z3Solver(context: context)
            let word = try context.bitVectorSort(bits: 32)
            // Warm up, so that allocator pools and Z3's caches reach their working size first.
            var wrongAnswers = 0
            for index in 0..<5_000 where try !query(index, context, solver, word) {
                wrongAnswers += 1
            }
            let before = try #require(residentBytes())
            for index in 5_000..<105_000 where try !query(index, context, solver, word) {
                wrongAnswers += 1
            }
            let growth = try #require(residentBytes()) - before
            #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
            #expect(wrongAnswers == 0)
            #expect(solver.scopeCount == 0)
        }
    }

    @Test("terms, sorts, functions and models outlive the variables holding their context")
    func objectsKeepTheirContextAlive() throws {
        func makeTerm() throws -> (Z3Term, Z3Model, Z3Function, Z3Sort) {
            let context = Z3Context()
            let solver = try Z3Solver(context: context)
            let sort = try context.bitVectorSort(bits: 8)
            let function = try context.function(named: "H", domain: [sort], range: sort)
            let x = try context.constant(named: "x", sort: sort)
            try solver.assert(function(x).equals(context.bitVector(3, bits: 8)))
            #expect(try solver.check() == .sat)
            return (try function(x), try solver.model(), function, sort)
        }
        let (term, model, function, sort) = try makeTerm()
        #expect(try model.unsignedValue(of: term) == 3)
        #expect(try function(term).sort == sort)
        #expect(term.description == "(H x)")
    }
}
