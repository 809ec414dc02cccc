import Extent
import Foundation
import ModelFile
import Testing

/// Written model files load back to the scenarios they were written from.
@Suite struct ModelFileWriterTests {
    static let models = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models")

    static let bundledModels: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// `scenario` with custom policies' summaries cleared: they name the file a policy was defined in.
    static func comparable(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        for index in scenario.policies.indices where Policy.builtIn(named: scenario.policies[index].name) == nil {
            scenario.policies[index].summary = ""
        }
        return scenario
    }

    @Test("every bundled model round-trips", arguments: bundledModels)
    func bundledModelRoundTrips(name: String) throws {
        let original = try ModelFileReader.load(contentsOf: Self.models.appendingPathComponent(name).path)
        let yaml = try ModelFileWriter.yaml(for: original)
        let reloaded = try ModelFileReader.parse(yaml, path: name)
        #expect(Self.comparable(reloaded) == Self.comparable(original), "\(yaml)")
        #expect(reloaded.invariants.map(\.name) == original.invariants.map(\.name))
    }

    /// Names YAML would read as something else unless they are quoted.
    static let awkwardNames = ["true", "no", "1st", "-x", "with space", "quote\"d", "colon: yes", "tab\there", "null", "ünï"]

    /// A scenario whose model, buffer and actors are named `name`.
    static func scenario(named name: String) -> Scenario {
        Scenario(
            name: name, about: "line one\nline two  with  spaces", geometry: Geometry(blocks: 1),
            buffers: [Buffer(name: name, blocks: 1)],
            actors: [
                .writer(name, [.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync]),
                .mutator(name + "-m", target: .buffer(0), budget: 3),
            ],
            policies: [Policy.builtIn(named: "dio-csum")!], invariants: [.csumMatchesData],
            expectations: ["dio-csum": ["csum-matches-data": .violated]])
    }

    /// A scenario with a built-in policy and a custom one whose columns of §8 are not the defaults.
    static let customPolicyScenario: Scenario = {
        var custom = Policy.builtIn(named: "dio-verify")!
        custom.name = "verify-and-guard"
        custom.deviceCheck = .guard
        custom.writebackSource = .copy
        custom.summary = ""
        return Scenario(name: "custom", policies: [Policy.builtIn(named: "nodatasum")!, custom])
    }()

    @Test("names YAML would read as something else are quoted, and read back as written")
    func awkwardNamesRoundTrip() throws {
        for name in Self.awkwardNames {
            let scenario = Self.scenario(named: name)
            let yaml = try ModelFileWriter.yaml(for: scenario)
            let reloaded = try ModelFileReader.parse(yaml, path: "awkward.yaml")
            #expect(reloaded == scenario, "\(yaml)")
        }
    }

    @Test("a custom policy is written with every column")
    func customPolicyRoundTrips() throws {
        let yaml = try ModelFileWriter.yaml(for: Self.customPolicyScenario)
        #expect(yaml.contains("    device-check: guard\n"))
        let reloaded = try ModelFileReader.parse(yaml, path: "custom.yaml")
        #expect(Self.comparable(reloaded) == Self.customPolicyScenario)
    }

    @Test("every value of every policy column is written and read back", arguments: Policy.columns.map(\.key))
    func everyColumnValueRoundTrips(key: String) throws {
        let column = try #require(Policy.columns.first { $0.key == key })
        for value in column.choices ?? ["true", "false"] {
            var policy = Policy.builtIn(named: "dio-csum")!
            policy.name = "custom"
            policy.summary = ""
            #expect(column.set(value, in: &policy))
            #expect(column.value(in: policy) == value)
            let yaml = try ModelFileWriter.yaml(for: Scenario(name: "columns", policies: [policy]))
            #expect(yaml.contains("    \(key): \(value)\n"), "\(yaml)")
            #expect(Self.comparable(try ModelFileReader.parse(yaml, path: "columns.yaml")).policies == [policy], "\(yaml)")
        }
    }
}
