@_spi(Search) import Explorer
import Testing

@Suite struct ResidentMemoryTests {
    @Test func sizesParseAsTheCommandLineWritesThem() {
        #expect(ResidentMemory.parse("512M") == 512 << 20)
        #expect(ResidentMemory.parse("2G") == 2 << 30)
        #expect(ResidentMemory.parse("1.5GiB") == 3 << 29)
        #expect(ResidentMemory.parse("64kb") == 64 << 10)
        #expect(ResidentMemory.parse("1000") == 1000)
        for bad in ["", "lots", "-1G", "0", "2X", "G"] { #expect(ResidentMemory.parse(bad) == nil, "\(bad)") }
    }

    @Test func sizesAreDescribedInBinaryUnits() {
        #expect(ResidentMemory.describe(512 << 20) == "512 MiB")
        #expect(ResidentMemory.describe(3 << 29) == "1.5 GiB")
        #expect(ResidentMemory.describe(100) == "100 bytes")
    }

    @Test func thisProcessHoldsSomeMemory() throws {
        let bytes = try #require(ResidentMemory.bytes())
        #expect(bytes > 1 << 20 && bytes < 1 << 40)
    }

    @Test func aSearchStopsAtItsMemoryLimitWithItsFiguresKept() throws {
        // A limit below what the process already holds: the first check stops the search.
        let limit = try #require(ResidentMemory.bytes()) / 2
        let grid = Grid(width: 300, height: 300)
        let outcome = Checker(
            system: grid, properties: [.always("anywhere") { _ in .holds }], options: SearchOptions(memoryLimit: limit)
        ).run()
        #expect(outcome.limit == .memory(limit))
        #expect(outcome.statistics.states > 0 && outcome.statistics.states < 300 * 300)
        guard let reason = outcome.verdict(named: "anywhere")?.reason else {
            Issue.record("a property not decided before the limit must be unknown")
            return
        }
        #expect(reason.contains("memory-limit"))
    }
}
