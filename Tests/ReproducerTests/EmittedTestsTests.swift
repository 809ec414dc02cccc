import Foundation
import Reproducer
import Testing

@Suite struct EmittedTestsTests {
    /// The tests in Tests/ReproducedTraceTests, and what wrote each.
    static let emitted: [(model: String, policy: String, invariant: String?)] = [
        ("qemu-cache-none", "dio-csum", "csum-matches-data"),
        ("raid1-mirrors", "nodatasum", "mirrors-agree"),
        ("mmap-during-writeback", "unstable-pages", "csum-matches-data"),
        ("qemu-cache-none", "buffered-fallback", nil),
    ]

    @Test("the Swift tests kept in the suite are what reproduce writes for them today", arguments: 0..<emitted.count)
    func keptTestsAreCurrent(index: Int) throws {
        let (model, policy, invariant) = Self.emitted[index]
        let reproduction = try BundledReproductions.reproduction(model, policy: policy, invariant: invariant)
        let kept = BundledReproductions.root.appendingPathComponent("Tests/ReproducedTraceTests/\(reproduction.swiftTestName).swift")
        let command = "extentcheck reproduce Models/\(model).yaml --policy \(policy)"
            + (invariant.map { " --invariant \($0)" } ?? "") + " --out DIR"
        #expect(
            try String(contentsOf: kept, encoding: .utf8) == reproduction.swiftTest(),
            "\(kept.lastPathComponent) is out of date: copy it from `\(command)`")
    }
}
