@_spi(Search) import Explorer
@_spi(Search) @testable import Extent
import Testing

/// The successors a model builds in a buffer the search lends it, which keeps whatever the last
/// state's left there, are the steps and states it builds on its own, in the same order: also where
/// the search takes each successor in exchange for a buffer that held one of the last state's.
@Suite struct LentBufferTests {
    static let models = (try? ModelFiles.all()) ?? []

    @Test(arguments: models.map(\.name), [Set<Reduction>(), [.symmetry, .partialOrder]])
    func aLentBufferChangesNoSuccessor(model name: String, reductions: Set<Reduction>) throws {
        let scenario = try #require(Self.models.first { $0.name == name }?.scenario)
        for policy in scenario.policies {
            for data in [DataMode.symbolic, .concrete(2)] {
                var variant = scenario
                variant.data = data
                let model = try ExtentModel(scenario: variant, policy: policy, reductions: reductions)
                // The first few hundred states breadth-first, one buffer lent to every expansion.
                var level = model.initialStates(limit: 4)
                var seen = Set(level)
                var scratch = level[0]
                // The buffers the search holds successors in, exchanged for each successor built.
                var held: [ExtentState] = []
                var expanded = 0
                while expanded < level.count, expanded < 300 {
                    let state = level[expanded]
                    expanded += 1
                    var own: [(action: ExtentAction, state: ExtentState)] = []
                    model.forEachSuccessor(of: state) { own.append(($0, $1)) }
                    var lent: [(action: ExtentAction, state: ExtentState)] = []
                    model.forEachSuccessor(of: state, buildingIn: &scratch) { lent.append(($0, $1)) }
                    #expect(lent.map(\.action) == own.map(\.action), "\(policy.name), \(data)")
                    #expect(lent.map(\.state) == own.map(\.state), "\(policy.name), \(data)")
                    var actions: [ExtentAction] = []
                    model.forEachSuccessor(of: state, buildingIn: &scratch) { action, successor in
                        if actions.count < held.count { swap(&successor, &held[actions.count]) } else { held.append(successor) }
                        actions.append(action)
                    }
                    #expect(actions == own.map(\.action), "\(policy.name), \(data)")
                    #expect(Array(held.prefix(actions.count)) == own.map(\.state), "\(policy.name), \(data)")
                    for successor in own where seen.insert(successor.state).inserted { level.append(successor.state) }
                }
                #expect(expanded > 1, "\(policy.name), \(data)")
            }
        }
    }
}
