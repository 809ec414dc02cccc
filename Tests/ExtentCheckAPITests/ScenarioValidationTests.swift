import ExtentCheck
import Foundation
import PropertyBased
import Testing

/// Scenarios built in Swift are validated before anything runs: an invalid one throws a
/// `ScenarioError` naming its part and field, wherever it enters the API, and a valid one is
/// checked within its limits. In-process on purpose: a trap would end the test run.
@Suite("Scenarios validated at the API")
struct ScenarioValidationTests {
    /// A check that stops early: a valid case must come back within `bound`, whatever its size.
    static let options = CheckOptions(search: SearchOptions(maxStates: 2_000, timeout: .seconds(1)), workers: 1)
    static let bound = Duration.seconds(15)

    @Test("random scenarios, valid and invalid, never trap: invalid ones name their field, valid ones check in time")
    func randomScenarios() async {
        let counts = Counts()
        await propertyCheck(count: 300, input: ScenarioCase.generator) { testCase in
            if let expected = testCase.expected {
                try Self.checkRefused(testCase.scenario, expected)
                counts.add(invalid: true)
            } else if testCase.isWild, let error = Self.refusal(of: testCase.scenario) {
                try Self.checkRefused(testCase.scenario, error)
                counts.add(invalid: true)
            } else {
                try Self.checkChecked(testCase.scenario)
                counts.add(invalid: false)
            }
        }
        // Both kinds were drawn: the property is about each.
        #expect(counts.valid > 0 && counts.invalid > 0, "\(counts.valid) valid, \(counts.invalid) invalid")
    }

    /// `scenario` is refused by validation, checking, modelling and writing alike, with one error that names `expected`.
    static func checkRefused(_ scenario: Scenario, _ expected: ScenarioCase.Expected) throws {
        let error = try #require(throws: ScenarioError.self) { try scenario.validate() }
        #expect(ScenarioCase.Part(error.subject) == expected.part, "\(error)")
        #expect(error.field == expected.field, "\(error)")
        if let actor = expected.actor { #expect(error.actor == actor, "\(error)") }
        if let step = expected.step { #expect(error.step == step, "\(error)") }
        #expect(error.description.contains(": \(error.field): "), "\(error)")
        #expect(throws: error) { try ExtentChecker(options: options).check(scenario) }
        #expect(throws: error) { try ExtentChecker(options: options).simulate(scenario, walks: SimulationOptions(walks: 1, depth: 5)) }
        #expect(throws: error) { try ModelFileWriter.yaml(for: scenario) }
    }

    @Test("the largest scenarios validation accepts are checked within their state limit and timeout")
    func largestScenarios() async {
        await propertyCheck(count: 8, input: ScenarioCase.largest) { testCase in
            try Self.checkChecked(testCase.scenario)
        }
    }

    /// What validation refuses `scenario` for, or nil if it does not.
    static func refusal(of scenario: Scenario) -> ScenarioCase.Expected? {
        do {
            try scenario.validate()
            return nil
        } catch {
            return ScenarioCase.Expected(part: .init(error.subject), field: error.field, actor: error.actor, step: error.step)
        }
    }

    /// `scenario` is checked within the options' limits and `bound`, and its model file loads back as the same scenario.
    static func checkChecked(_ scenario: Scenario) throws {
        try scenario.validate()
        let clock = ContinuousClock()
        let start = clock.now
        let report = try ExtentChecker(options: options).check(scenario)
        let elapsed = clock.now - start
        #expect(elapsed < bound, "\(elapsed)")
        #expect(report.policies.map(\.policy) == scenario.policies.map(\.name))
        let yaml = try ModelFileWriter.yaml(for: scenario)
        #expect(try ModelFileReader.parse(yaml, path: "case.yaml") == scenario, "\(yaml)")
    }

    @Test("a concrete model of a million initial states lists no more than its state limit lets it search")
    func initialStatesWithinTheStateLimit() throws {
        // 4 buffer words and 2 stored words in concrete:10: 10^6 initial states, the most data may give.
        let scenario = Scenario(
            name: "million", geometry: Geometry(blocks: 2, wordBits: 8), data: .concrete(10),
            buffers: [Buffer(name: "a", blocks: 2), Buffer(name: "b", blocks: 2)],
            actors: [.writer("w", [.directWrite(IORange(buffer: 0, at: 0, blocks: 2))])],
            policies: [Policy.builtIn(named: "dio-csum")!])
        let options = CheckOptions(search: SearchOptions(maxStates: 100), workers: 1)
        let clock = ContinuousClock()
        let start = clock.now
        let report = try ExtentChecker(options: options).check(scenario)
        #expect(clock.now - start < .seconds(5))
        #expect(report.policies[0].search.initialStates == 100)
        #expect(report.policies[0].limit == "max-states 100")
        #expect(report.policies[0].results.allSatisfy { $0.verdict != .holds })
    }

    @Test("options out of their ranges end a check early, never in a trap", arguments: [0, -1, Int.min])
    func optionsOutOfRange(value: Int) throws {
        let scenario = Scenario(
            name: "race", geometry: Geometry(blocks: 1), buffers: [Buffer(name: "page", blocks: 1)],
            actors: [.writer("qemu", [.directWrite(IORange(buffer: 0, at: 0, blocks: 1))]), .mutator("fs", target: .buffer(0), budget: 1)])
        let search = SearchOptions(maxStates: value, maxDepth: value, timeout: .seconds(value), segmentSize: value)
        let report = try ExtentChecker(options: CheckOptions(search: search, workers: value)).check(scenario)
        #expect(report.policies.count == scenario.policies.count)
        let walks = SimulationOptions(walks: value, depth: value, timeout: .seconds(value))
        let simulation = try ExtentChecker(options: CheckOptions(workers: value)).simulate(scenario, walks: walks)
        #expect(simulation.policies.count == scenario.policies.count)
    }

    @Test("a writer of block 5 of a 2-block file is refused in Swift as in its model file, in the same words")
    func writePastTheFile() throws {
        let scenario = Scenario(
            name: "past-the-end", buffers: [Buffer(name: "page", blocks: 1)],
            actors: [.writer("qemu", [.fsync, .directWrite(IORange(buffer: 0, at: 5, blocks: 1))])])
        let error = try #require(throws: ScenarioError.self) { try ExtentChecker().check(scenario) }
        #expect(
            error.description
                == "scenario 'past-the-end': actor 0 'qemu', step 1: at: at must be a block of the file, 0 through 1, found 5")
        #expect(error.actor == "qemu")
        #expect(error.step == 1)
        #expect(error.field == .at)
        #expect(error.problem == "at must be a block of the file, 0 through 1, found 5")

        let yaml = "buffers: {page: 1}\nactors:\n  qemu: {writer: [fsync, dio-write: {from: page, at: 5}]}\n"
        let fileError = try #require(throws: ModelFileError.self) { try ModelFileReader.parse(yaml, path: "m.yaml") }
        #expect(fileError.key == "actors.qemu.writer[1].dio-write.at")
        #expect(fileError.line == 3)
        #expect(fileError.message == error.problem)
    }

    @Test("a buffer that does not exist is an error, not a trap, when the scenario is written as a model file")
    func writerOfAMissingBuffer() throws {
        let scenario = Scenario(
            name: "missing", buffers: [Buffer(name: "page", blocks: 1)],
            actors: [.mutator("fs", target: .buffer(3), budget: 1)])
        let error = try #require(throws: ScenarioError.self) { try ModelFileWriter.yaml(for: scenario) }
        #expect(error.subject == .actor(index: 0, name: "fs"))
        #expect(error.field == .target)
        #expect(error.problem == "buffer 3 does not exist; buffers are 0 through 0")
    }
}

/// How many cases of each kind a property check drew; its body may run on any thread.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (valid: 0, invalid: 0)

    func add(invalid: Bool) {
        lock.withLock {
            if invalid { counts.invalid += 1 } else { counts.valid += 1 }
        }
    }

    var valid: Int { lock.withLock { counts.valid } }
    var invalid: Int { lock.withLock { counts.invalid } }
}
