import ExtentCheck
import Foundation
import Testing

/// Random walks over the bundled models: what they find agrees with the exhaustive check.
@Suite struct SimulationTests {
    static func simulate(
        _ file: String, seed: UInt64 = 1, walks: Int = 300, bias: SimulationOptions.Bias = .uniform,
        policies: [String]? = nil
    ) throws -> SimulationReport {
        let scenario = try ExtentChecker.loadModel(at: PackagePaths.absolute(file))
        return try ExtentChecker(options: CheckOptions(policies: policies))
            .simulate(scenario, walks: SimulationOptions(walks: walks, depth: 100, seed: seed, bias: bias))
    }

    @Test("walks find the seed's race under dio-csum and shrink it to the 5-step trace")
    func seedRace() throws {
        let report = try Self.simulate("Models/qemu-cache-none.yaml")
        #expect(report.status == .asExpected)
        let dioCsum = try #require(report.policies.first { $0.policy == "dio-csum" })
        let race = try #require(dioCsum.results.first { $0.property == "csum-matches-data" })
        #expect(race.verdict == .violated)
        #expect(race.trace?.steps.map(\.actor) == ["qemu", "kernel", "guest-fs", "device", "kernel"])
        let fallback = try #require(report.policies.first { $0.policy == "buffered-fallback" })
        #expect(fallback.results.allSatisfy { $0.verdict == .notViolated })
    }

    @Test("shrinking drops the other writers' activity and keeps a walk's violation")
    func shrinkingDropsActivity() throws {
        let report = try Self.simulate(
            "Benchmarks/Models/three-writers-symbolic.yaml", seed: 3, walks: 100, bias: .fewSwitches, policies: ["dio-csum"])
        let result = try #require(report.policies.first?.results.first { $0.property == "csum-matches-data" })
        let found = try #require(result.walked)
        let shrunk = try #require(result.trace)
        #expect(shrunk.steps.count < found.steps.count)
        #expect(Set(shrunk.steps.map(\.actor)) == ["writer-0", "kernel", "mutator", "device"], "\(shrunk.steps.map(\.step))")
        #expect(shrunk.conclusion == found.conclusion || shrunk.conclusion.contains("disagrees with the stored data"))
    }

    @Test("no walk finds what the exhaustive check rules out", arguments: PackagePaths.modelFiles)
    func agreesWithTheCheck(file: String) throws {
        for bias in SimulationOptions.Bias.allCases {
            let report = try Self.simulate(file, walks: 200, bias: bias)
            let unexpected = report.policies.flatMap { policy in
                policy.results.filter { $0.status == .unexpected }.map { "\(policy.policy): \($0.property)" }
            }
            #expect(unexpected.isEmpty, "\(bias): \(unexpected)")
        }
    }

    @Test("the same seed gives the same report")
    func sameSeed() throws {
        func timeless(_ report: SimulationReport) -> SimulationReport {
            var report = report
            for index in report.policies.indices { report.policies[index].seconds = 0 }
            return report
        }
        let first = try Self.simulate("Models/dio-undone-change.yaml", seed: 5, walks: 100)
        let second = try Self.simulate("Models/dio-undone-change.yaml", seed: 5, walks: 100)
        #expect(timeless(first) == timeless(second))
        #expect(first.policies.contains { $0.results.contains { $0.trace != nil } })
    }

    @Test("simulate on the command line: text, JSON, and exit 3 for an expected violation not found")
    func commandLine() async throws {
        let text = try await ExtentCheckTool.run(["simulate", "Models/qemu-cache-none.yaml", "--seed", "1", "--runs", "200"])
        #expect(text.status == 0, "\(text.transcript)")
        #expect(text.stdout.contains("  200 walks of at most 100 steps, seed 1, uniform"), "\(text.transcript)")
        #expect(text.stdout.contains("csum-matches-data  violated in walk"), "\(text.transcript)")

        let json = try await ExtentCheckTool.run([
            "simulate", "Models/qemu-cache-none.yaml", "--seed", "1", "--runs", "200", "--policy", "dio-csum", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.transcript)")
        let results = json.json()?[array: "simulations"]?.first?[array: "policies"]?.first?[array: "results"] ?? []
        let race = results.first { $0[string: "property"] == "csum-matches-data" }
        #expect(race?[string: "verdict"] == "violated")
        #expect(race?[string: "status"] == "as-expected")

        let short = try await ExtentCheckTool.run([
            "simulate", "Models/qemu-cache-none.yaml", "--seed", "1", "--runs", "1", "--depth", "1", "--policy", "dio-csum",
        ])
        #expect(short.status == 3, "\(short.transcript)")
        #expect(short.stdout.contains("not-violated, UNKNOWN: expected violated, not found"), "\(short.transcript)")
    }
}
