@_spi(Search) import Explorer
import ExtentCheck
import Testing

/// Random Boolean combinations of comparisons, stated as user properties of states and of
/// transitions, get the same verdicts with symbolic data as with `concrete:2` and `concrete:3`
/// wherever concrete values can show them.
///
/// The comparisons are equalities of words and of checksums, and H is injective on these models'
/// one-word 32-bit blocks (crc32c) as in concrete mode: so values that satisfy a condition can be
/// renamed to any values that keep them apart, and a model whose runs have at most K variables
/// (fresh initial words plus mutator budgets) gets exactly the symbolic verdicts, and the same
/// shortest trace lengths, from `concrete:K`. With fewer values than variables, concrete data can
/// only miss violations: what it finds, symbolic data finds no later.
@Suite("Conditions decided in every data mode")
struct ConditionAgreementTests {
    static let models = [
        "qemu-cache-none", "raid1-mirrors", "mmap-during-writeback", "two-writers", "no-mutator", "threaded-dio",
        "dio-read-after-race", "direct-read-changing-buffer", "nodatasum-raid1-scrub", "crash-torn-copies",
        "nodatasum-raid1-mmap-crash",
    ]

    /// Conditions per model, each stated of states and of transitions.
    static let conditionsPerModel = 24

    typealias Outcome = (verdict: Verdict, steps: Int?)

    @Test(arguments: zip(models, models.indices))
    func randomConditionsAgree(model: String, seed: Int) throws {
        var generator = SeededGenerator(seed: 0x22 + UInt64(seed))
        let conditions = (0..<Self.conditionsPerModel).map { _ in RandomCondition.random(depth: 3, using: &generator) }
        let properties = conditions.indices.flatMap { index in
            [conditions[index].stateProperty("state-\(index)"), conditions[index].transitionProperty("step-\(index)")]
        }
        let scenario = try ExtentChecker.loadModel(at: BundledModels.path(model))
        let variables = scenario.freshInitialWords + scenario.actors.reduce(0) { total, actor in
            if case .mutator(_, let budget) = actor.role { total + budget } else { total }
        }

        let symbolic = try outcomes(of: properties, on: model, data: .symbolic)
        #expect(symbolic.values.contains { $0.verdict == .violated } && symbolic.values.contains { $0.verdict == .holds })
        for values in [2, 3] {
            let concrete = try outcomes(of: properties, on: model, data: .concrete(values))
            #expect(concrete.keys.sorted() == symbolic.keys.sorted())
            for (key, shown) in concrete {
                let decided = try #require(symbolic[key])
                let context = "\(key) in concrete:\(values); \(properties.first { key.hasSuffix("/\($0.name)") }?.meaning ?? "")"
                #expect(decided.verdict != .unknown && shown.verdict != .unknown, "\(context)")
                if variables <= values {
                    #expect(decided.verdict == shown.verdict && decided.steps == shown.steps, "\(context): \(decided) vs \(shown)")
                } else if shown.verdict == .violated {
                    #expect(decided.verdict == .violated && decided.steps! <= shown.steps!, "\(context): \(decided) vs \(shown)")
                }
            }
        }
    }

    /// Each property's verdict and trace length under every policy of the model, keyed `policy/property`.
    func outcomes(of properties: [ExtentProperty], on model: String, data: DataMode) throws -> [String: Outcome] {
        let checker = ExtentChecker(options: CheckOptions(properties: properties.map(\.name), data: data), properties: properties)
        var outcomes: [String: Outcome] = [:]
        for policy in try checker.check(file: BundledModels.path(model)).policies {
            for result in policy.results {
                outcomes["\(policy.policy)/\(result.property)"] = (result.verdict, result.trace?.steps.count)
            }
        }
        return outcomes
    }
}
