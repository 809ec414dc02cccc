@_spi(Search) public import Extent
@_spi(Search) internal import Explorer

extension ExtentChecker {
    /// The reachable state graph of `scenario` under the policy named `policy`, with the shortest
    /// counterexample (or example) of each property the options select marked; throws `CheckError.tooManyStates`
    /// when the model reaches more than `limit` states.
    public func graph(of scenario: Scenario, policy name: String, limit: Int) throws -> StateDiagram {
        var options = self.options
        options.policies = [name]
        let (scenario, policies, properties) = try ExtentChecker(options: options, properties: self.properties).plan(scenario)
        let policy = policies[0]
        let model = try ExtentModel(scenario: scenario, policy: policy, oracle: try oracle(for: scenario))
        guard let graph = StateGraph(exploring: model, limit: limit) else {
            throw CheckError.tooManyStates(model: scenario.name, policy: policy.name, limit: limit)
        }
        var search = options.search
        search.storage = .exact
        search.progress = nil
        let checker = Checker(system: model, properties: model.properties(for: properties), options: search)
        let outcome = checker.fewestSwitches(in: checker.run(), actor: model.actor(of:))

        var nodes = graph.states.enumerated().map { number, state in
            StateDiagram.Node(
                number: number, lines: model.summary(of: state), isInitial: graph.initial.contains(number),
                isDeadlock: graph.deadlocks.contains(number), violates: [], examples: [], isOnCounterexample: false)
        }
        var marked = Set<Int>()
        for (name, verdict) in outcome.verdicts {
            guard let path = verdict.path else { continue }
            let isExample = verdict.verdict == .witnessed
            guard let numbers = graph.numbers(along: path) else { continue }
            if isExample {
                nodes[numbers[numbers.count - 1]].examples.append(name)
            } else {
                nodes[numbers[numbers.count - 1]].violates.append(name)
            }
            for number in numbers { nodes[number].isOnCounterexample = true }
            for (action, (from, to)) in zip(path.actions, zip(numbers, numbers.dropFirst())) {
                if let edge = graph.edges.firstIndex(where: { $0.from == from && $0.to == to && $0.action == action }) {
                    marked.insert(edge)
                }
            }
        }
        let edges = graph.edges.enumerated().map { index, edge in
            StateDiagram.Edge(
                from: edge.from, to: edge.to,
                label: "\(model.actor(of: edge.action)): \(model.describe(edge.action, in: graph.states[edge.from]))",
                isOnCounterexample: marked.contains(index))
        }
        return StateDiagram(model: scenario.name, policy: policy.name, nodes: nodes, edges: edges)
    }
}
