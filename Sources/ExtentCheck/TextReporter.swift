public import Extent
@_spi(Search) internal import Explorer
internal import Foundation

/// Renders reports as text for people: per policy the figures of the search
/// and a line per invariant, then each counterexample as numbered steps.
public struct TextReporter: Sendable {
    /// Whether counterexample traces are printed (the default).
    public var showsTraces: Bool
    /// How the text is marked: plainly (the default) or in colour.
    public var style: TextStyle

    /// Creates a reporter.
    public init(showsTraces: Bool = true, style: TextStyle = .plain) {
        self.showsTraces = showsTraces
        self.style = style
    }

    /// The whole report of one model.
    public func render(_ report: ModelReport) -> String {
        var lines: [String] = []
        lines.append("model \(report.model)" + (report.file.map { " (\($0))" } ?? ""))
        lines += Self.wrap(report.about, width: 78).map { "  " + $0 }
        lines.append("  " + report.shape)
        if let reductions = report.reductions { lines.append("  reduced by " + reductions.joined(separator: ", ")) }
        for policy in report.policies {
            lines.append("")
            lines += render(policy)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `stopped early: limit max-states 3`, or `stopped early: interrupted`: a cancellation is no limit.
    static func stoppedEarly(by limit: String) -> String {
        limit == SearchLimit.interrupted.description ? "stopped early: \(limit)" : "stopped early: limit \(limit)"
    }

    /// One policy's results.
    public func render(_ policy: PolicyReport) -> [String] {
        var lines: [String] = []
        lines.append("policy \(policy.policy)" + (policy.summary.isEmpty ? "" : ": \(policy.summary)"))
        let search = policy.search
        var figures =
            "  \(Self.count(search.states, "state")), \(Self.count(search.transitions, "transition")), "
            + "depth \(search.maxDepth), \(Self.seconds(search.seconds))"
        if let solver = policy.solver {
            figures += "; solver: \(Self.count(solver.calls, "call")), \(Self.seconds(solver.seconds))"
        }
        if policy.collisionProbability > 1e-12 {
            figures += "; fingerprint collision chance \(Self.scientific(policy.collisionProbability))"
        }
        lines.append(figures)
        if let limit = policy.limit { lines.append("  " + Self.stoppedEarly(by: limit)) }

        let width = policy.results.map(\.property.count).max() ?? 0
        let verdictWidth = max(8, policy.results.map(\.verdict.rawValue.count).max() ?? 0)
        for result in policy.results {
            let name = result.property.padding(toLength: width, withPad: " ", startingAt: 0)
            let verdict = result.verdict.rawValue.padding(toLength: verdictWidth, withPad: " ", startingAt: 0)
            var line = "  \(name)  \(verdict)  "
            switch result.status {
            case .asExpected: line += style.good("as expected")
            case .noExpectation: line += "no expectation"
            case .unexpected: line += style.bad("UNEXPECTED (expected \((result.expected ?? .holds).rawValue))")
            case .unknown: line += style.undecided("UNKNOWN: \(result.reason ?? "no reason given")")
            }
            if result.kind == .sometimes, result.verdict == .violated, let reason = result.reason {
                line += " (\(reason))"
            }
            lines.append(line)
        }
        if let coverage = policy.coverage { lines += render(coverage).map { "  " + $0 } }
        guard showsTraces else { return lines }
        for result in policy.results {
            guard let trace = result.trace else { continue }
            lines.append("")
            let heading = result.traceIsExample ? "example of" : "counterexample to"
            lines.append("  \(heading) \(result.property), \(Self.count(trace.steps.count, "step")):")
            lines += render(trace).map { "    " + $0 }
        }
        return lines
    }

    /// A counterexample: initial values, numbered steps with their changes, and the conclusion.
    public func render(_ trace: Trace) -> [String] {
        var lines = ["initial state"]
        lines += trace.initial.map { "      \($0.what): \($0.after ?? "")" }
        let actorWidth = trace.steps.map(\.actor.count).max() ?? 0
        let numberWidth = "\(trace.steps.count).".count
        for step in trace.steps {
            let number = "\(step.number).".padding(toLength: numberWidth, withPad: " ", startingAt: 0)
            lines.append("\(number) \(style.actor(step.actor.padding(toLength: actorWidth, withPad: " ", startingAt: 0)))  \(step.step)")
            for change in step.changes {
                let what = style.part(change.what)
                switch (change.before, change.after) {
                case (nil, let after?): lines.append("      + \(what): \(style.changed(after))")
                case (let before?, nil): lines.append("      - \(what): \(before)")
                case (let before?, let after?): lines.append("      \(what): \(before) -> \(style.changed(after))")
                case (nil, nil): break
                }
            }
        }
        lines.append(style.violation("=> " + trace.conclusion))
        if let first = trace.explanation.first {
            lines.append("   why: " + first)
            lines += trace.explanation.dropFirst().map { "      - " + $0 }
        }
        return lines
    }

    /// One line per result that is not as expected, `model · policy · property: verdict, why`: what a
    /// quiet run prints before its closing line.
    public func problems(of reports: [ModelReport]) -> [String] {
        reports.flatMap { report in
            report.policies.flatMap { policy in
                policy.results.filter { $0.status > .noExpectation }.map { result in
                    let status =
                        result.status == .unknown
                        ? style.undecided("UNKNOWN: \(result.reason ?? "no reason given")")
                        : style.bad("UNEXPECTED (expected \((result.expected ?? .holds).rawValue))")
                    return "\(report.model) · \(policy.policy) · \(result.property): \(result.verdict.rawValue), \(status)"
                }
            }
        }
    }

    /// The closing line over several models: how many results were as expected, unexpected, unknown,
    /// and, where some were, how many had no expectation.
    public func summary(of reports: [ModelReport]) -> String {
        let results = reports.flatMap(\.policies).flatMap(\.results)
        let count = { (status: ResultStatus) in results.filter { $0.status == status }.count }
        let unexpecting = count(.noExpectation)
        return "\(Self.count(reports.count, "model")), \(Self.count(results.count, "result")): \(count(.asExpected)) as expected, "
            + "\(count(.unexpected)) unexpected, \(count(.unknown)) unknown"
            + (unexpecting == 0 ? "" : ", \(unexpecting) with no expectation")
    }

    /// `number` and `noun`, in the plural unless `number` is 1, with thousands separated:
    /// "1 state", "1,234 states".
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.3f s", value) : String(format: "%.1f s", value)
    }

    private static func scientific(_ value: Double) -> String {
        String(format: "%.1e", value)
    }
}

extension TextReporter {
    /// `text` in lines of at most `width` characters, broken at spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
