/// A property whose verdict is not the one a test expected. Its description says what was found:
/// the counterexample, the example, or that no reachable state is an example.
///
/// Swift Testing fails a test that throws it, with the description as the message.
public struct ExpectationFailure: Error, Sendable, CustomStringConvertible {
    /// The model checked.
    public var model: String
    /// The policy it was checked under.
    public var policy: String
    /// The verdict expected.
    public var expected: ExpectedVerdict
    /// What the check found.
    public var result: PropertyResult
    /// The states the search reached.
    public var states: Int

    /// What was expected and what was found, with the trace where there is one.
    public var description: String {
        let subject = "\(result.property) in \(model) under \(policy)"
        var lines: [String]
        switch (result.kind, result.verdict) {
        case (_, .unknown), (_, .notViolated), (_, .notWitnessed):
            lines = ["\(subject): expected \(expected.rawValue), but the verdict is \(result.verdict.rawValue): \(result.reason ?? "no reason given")"]
        case (_, .witnessed):
            lines = ["\(subject): expected no reachable example, but this run reaches one:"]
        case (.sometimes, .violated):
            lines = ["\(subject): expected an example, but none of the \(states) reachable states is one"]
        case (_, .violated):
            lines = ["\(subject): expected holds, but it is violated:"]
        case (_, .holds):
            lines = ["\(subject): expected violated, but it holds in all \(states) reachable states"]
        }
        if let trace = result.trace {
            lines += TextReporter().render(trace).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
