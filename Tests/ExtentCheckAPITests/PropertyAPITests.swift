import ExtentCheck
import Foundation
import Testing

/// Custom properties through the public API: scenarios built in Swift, reports, failures as messages.
@Suite("Custom properties through the public API")
struct PropertyAPITests {
    /// The seed's race, built in Swift with the model file's vocabulary.
    static let seedRace = Scenario(
        name: "seed-race",
        geometry: Geometry(blocks: 1),
        buffers: [Buffer(name: "guest-page", blocks: 1)],
        actors: [
            .writer("qemu", [.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync]),
            .mutator("guest-fs", target: .buffer(0), budget: 1),
        ],
        policies: ["dio-csum", "buffered-fallback"].compactMap(Policy.builtIn(named:)),
        invariants: [.csumMatchesData, .checksummed])

    @Test("a failed expectation throws the counterexample as its message")
    func failedExpectationCarriesTheCounterexample() throws {
        let failure = try #require(throws: ExpectationFailure.self) {
            try ExtentChecker().expect(ExampleProperties.quiescentAgreement, .holds, in: Self.seedRace, under: "dio-csum")
        }
        let message = failure.description
        #expect(message.hasPrefix("quiescent-agreement in seed-race under dio-csum: expected holds, but it is violated:"))
        for step in ["dio-write guest-page", "csum bio qemu block 0", "mutate guest-page word 0", "complete bio qemu"] {
            #expect(message.contains(step), "\(message)")
        }
        #expect(message.contains("=> no bio in flight, yet stored block 0 mirror 0 holds 0x"), "\(message)")
    }

    @Test("a sometimes property with no example fails with the number of states searched")
    func missingExampleIsReported() throws {
        let failure = try #require(throws: ExpectationFailure.self) {
            try ExtentChecker().expect(ExampleProperties.raceWindow, .holds, in: Self.seedRace, under: "buffered-fallback")
        }
        #expect(failure.result.trace == nil)
        #expect(
            failure.description
                == "race-window in seed-race under buffered-fallback: expected an example, but none of the 20 reachable states is one")
    }

    @Test("custom properties appear in text and JSON reports beside the built-ins")
    func reportsShowCustomProperties() throws {
        let report = try ExtentChecker(properties: [ExampleProperties.raceWindow, ExampleProperties.quiescentAgreement])
            .check(Self.seedRace)
        let dioCsum = try #require(report.policy(named: "dio-csum"))
        #expect(dioCsum.results.map(\.property) == ["csum-matches-data", "checksummed", "race-window", "quiescent-agreement"])
        #expect(dioCsum.results.map(\.kind) == [.always, .onEveryTransition, .sometimes, .always])

        let text = TextReporter().render(report)
        // Nothing is expected of these two: the report says so, and nothing fails.
        #expect(text.contains("  race-window          witnessed  no expectation"), "\(text)")
        #expect(text.contains("  quiescent-agreement  violated   no expectation"), "\(text)")
        #expect(dioCsum.results.suffix(2).map(\.status) == [.noExpectation, .noExpectation])
        #expect(text.contains("  example of race-window, 3 steps:"), "\(text)")
        #expect(text.contains("  counterexample to quiescent-agreement, 5 steps:"), "\(text)")

        let json = try JSONReporter().render([report])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let policies = try #require((document["models"] as? [[String: Any]])?.first?["policies"] as? [[String: Any]])
        let results = try #require(policies.first?["results"] as? [[String: Any]])
        let race = try #require(results.first { $0["property"] as? String == "race-window" })
        #expect(race["kind"] as? String == "sometimes")
        #expect(race["verdict"] as? String == "witnessed")
        #expect(race["status"] as? String == "no-expectation")
        #expect(race["expected"] == nil)
        #expect((race["trace"] as? [String: Any])?["conclusion"] as? String != nil)
    }

    @Test("a property stated in Swift carries its expectation into the report, under every policy")
    func customExpectations() throws {
        let raceWindow = ExampleProperties.raceWindow.expecting(.witnessed)
        let report = try ExtentChecker(properties: [raceWindow]).check(Self.seedRace)
        // Reachable under dio-csum, as expected; not under the fix, which the expectation did not foresee.
        #expect(report.policy(named: "dio-csum")?.result(of: "race-window")?.status == .asExpected)
        let fixed = try #require(report.policy(named: "buffered-fallback")?.result(of: "race-window"))
        #expect(fixed.status == .unexpected && fixed.expected == .witnessed)
        #expect(TextReporter().render(report).contains("race-window        violated  UNEXPECTED (expected witnessed)"))
    }

    @Test("only a sometimes property can be expected witnessed")
    func witnessedNeedsAnExample() throws {
        let never = ExtentProperty.always("never", meaning: "nothing", expect: .witnessed) { _ in [] }
        #expect(throws: CheckError.witnessedExpectation(property: "never", kind: .always)) {
            try ExtentChecker(properties: [never]).check(Self.seedRace)
        }
    }

    @Test("a property that throws is unknown for that state, never holds")
    func throwingPropertyIsUnknown() throws {
        struct Refusal: Error {}
        let refuses = ExtentProperty.always("refuses", meaning: "never decided") { state in
            if state.bios.isEmpty { return [] }
            throw Refusal()
        }
        let report = try ExtentChecker(properties: [refuses]).check(Self.seedRace)
        for policy in report.policies {
            let result = try #require(policy.result(of: "refuses"))
            #expect(result.verdict == .unknown, "\(policy.policy)")
            #expect(result.reason?.contains("Refusal") == true, "\(result.reason ?? "no reason")")
        }
    }

    @Test("a judgement that asks for a part the model lacks is unknown, with the reason, and nothing traps")
    func missingPartsAreUnknown() throws {
        let secondMirror = ExtentProperty.always("second-mirror", meaning: "mirror 1 differs from mirror 0") { state in
            try state.stored.map { block in Finding(when: try block.mirror(1) != block.mirror(0), "mirrors differ") }
        }
        let pastTheEnd = ExtentProperty.sometimes("past-the-end", meaning: "block 7 is stored") { state in
            [Finding(when: try state.stored[7].mirror(0) == state.stored[0].mirror(0), "block 7 is block 0")]
        }
        let report = try ExtentChecker(properties: [secondMirror, pastTheEnd]).check(Self.seedRace)
        for policy in report.policies {
            let mirror = try #require(policy.result(of: "second-mirror"))
            #expect(mirror.verdict == .unknown && mirror.reason?.contains("mirror 1 of stored block 0, which has 1 mirror") == true)
            let block = try #require(policy.result(of: "past-the-end"))
            #expect(block.verdict == .unknown && block.reason?.contains("stored block 7 of the file, which has 1 stored block") == true)
            // The model's own invariants are decided as usual beside them.
            #expect(policy.result(of: "csum-matches-data")?.verdict != .unknown)
        }
    }

    @Test("concrete data answers the same as symbolic data")
    func concreteDataAgrees() throws {
        var concrete = Self.seedRace
        concrete.data = .concrete(2)
        for scenario in [Self.seedRace, concrete] {
            let checker = ExtentChecker(properties: ExampleProperties.all)
            let verdicts = try checker.check(scenario).policies.map { $0.results.map(\.verdict) }
            // dio-csum: csum violated, checksummed holds, then the five examples; buffered-fallback: all but the examples' violations hold.
            #expect(verdicts == [
                [.violated, .holds, .holds, .holds, .violated, .witnessed, .violated],
                [.holds, .holds, .holds, .holds, .holds, .violated, .holds],
            ], "\(scenario.data)")
        }
    }

    @Test("a property named like one of the model's is refused before anything is checked")
    func duplicateNamesAreRefused() throws {
        let impostor = ExtentProperty.always("csum-matches-data", meaning: "a second meaning") { _ in [] }
        #expect(throws: CheckError.duplicateProperty("csum-matches-data", model: "seed-race")) {
            try ExtentChecker(properties: [impostor]).check(Self.seedRace)
        }
    }
}

extension PropertyAPITests {
    @Test("a transition property that names step kinds sees only those steps")
    func stepKindsAreHonoured() throws {
        let seesOnlyDMA = ExtentProperty.onEveryTransition("sees-only-dma", meaning: "saw another step", at: [.dma]) { _, step in
            step.kind == .dma ? [] : [Finding("saw \(step)")]
        }
        try ExtentChecker().expect(seesOnlyDMA, .holds, in: Self.seedRace, under: "dio-csum")

        let reportsEveryDMA = ExtentProperty.onEveryTransition("reports-dma", meaning: "a dma", at: [.dma]) { _, step in
            [Finding("\(step.actor) took \(step)")]
        }
        let result = try ExtentChecker().expect(reportsEveryDMA, .violated, in: Self.seedRace, under: "dio-csum")
        #expect(result.trace?.steps.map(\.step) == ["dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "dma bio qemu mirror 0 block 0"])
        #expect(result.trace?.conclusion == "device took dma bio qemu mirror 0 block 0")
    }
}
