/// A property of a write path, decided over every reachable state of a model: one of the
/// built-in invariants, or one a user states in Swift.
///
/// ```swift
/// let quiescentAgreement = ExtentProperty.always(
///     "quiescent-agreement",
///     meaning: "with no bio in flight, a stored block's mirrors differ or disagree with its checksum"
/// ) { state in
///     guard state.bios.isEmpty else { return [] }
///     return try state.stored.map { block in
///         Finding(when: try block.mirror(0) != block.mirrors.last!, "stored block \(block.index): its mirrors differ")
///     }
/// }
/// ```
///
/// A judgement returns its findings: for `always` and `onEveryTransition` what would break the
/// property here, for `sometimes` what would make this state an example, each as a `Condition` on
/// the words and a sentence. The checker reports the first finding whose condition some value of
/// the variables satisfies (every value is compared in `concrete:K` mode); its sentence is the last
/// line of the property's trace. An empty list reports nothing. Properties are identified by name:
/// two properties with one name are one property to a model.
public struct ExtentProperty: Sendable {
    /// Where a property is judged, and what a discovery means.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Judged at every reachable state; a state it reports violates it.
        case always
        /// Judged at every transition, with the step taken; a transition it reports violates it.
        case onEveryTransition = "on-every-transition"
        /// Looked for at every reachable state; it holds once some state is an example.
        case sometimes
        /// Violated by a reachable state where no step can run, yet a writer has not finished its script.
        case noDeadlock = "no-deadlock"
    }

    enum Judge: Sendable {
        case state(@Sendable (StateView) throws -> [Finding])
        case transition(at: StepView.Kinds, @Sendable (StateView, StepView) throws -> [Finding])
        case noDeadlock
    }

    /// The property's name, as model files, options and reports spell it.
    public let name: String
    /// What a violation means (for `sometimes`, what an example shows), in a file-system engineer's words.
    public let meaning: String
    /// Where the property is judged.
    public let kind: Kind
    /// The verdict its author expects under every policy, where a model's `expect` says nothing of it;
    /// nil: no expectation, and the report says so.
    public let expectation: ExpectedVerdict?
    let judge: Judge
    /// For a built-in invariant, what it looks for, so that a trace can say where each side came from.
    let explains: Discrepancy.Search?

    init(
        name: String, meaning: String, kind: Kind, expectation: ExpectedVerdict? = nil, explains: Discrepancy.Search? = nil,
        judge: Judge
    ) {
        self.name = name
        self.meaning = meaning
        self.kind = kind
        self.expectation = expectation
        self.explains = explains
        self.judge = judge
    }

    /// Whether the property is one of the contract's invariants. Those read nothing of a bio in
    /// flight and judge a state the same whichever writer, buffer or mutator is which, so a search
    /// under `Reduction`s decides them as the whole search does; a property stated in Swift may not.
    public var isBuiltIn: Bool { explains != nil }

    /// A property of every reachable state: `judge` returns what would break it here. `expect` is the
    /// verdict its author expects (`holds` or `violated`), if any.
    public static func always(
        _ name: String, meaning: String, expect: ExpectedVerdict? = nil,
        _ judge: @escaping @Sendable (StateView) throws -> [Finding]
    ) -> ExtentProperty {
        ExtentProperty(name: name, meaning: meaning, kind: .always, expectation: expect, judge: .state(judge))
    }

    /// A property of every transition: `judge` sees the state before and the step (whose `after` is the
    /// state it leads to), and returns what would break the property in this step. Conditions may
    /// compare words of `before` with words of `step.after`. With `kinds`, only steps of those kinds
    /// are judged, and no view is built for the others.
    public static func onEveryTransition(
        _ name: String, meaning: String, at kinds: Set<StepView.Kind>? = nil, expect: ExpectedVerdict? = nil,
        _ judge: @escaping @Sendable (_ before: StateView, _ step: StepView) throws -> [Finding]
    ) -> ExtentProperty {
        ExtentProperty(
            name: name, meaning: meaning, kind: .onEveryTransition, expectation: expect,
            judge: .transition(at: StepView.Kinds(kinds), judge))
    }

    /// A property some reachable state satisfies: `judge` returns what would make this state an
    /// example. The report carries a shortest trace to the first example. `expect` is the verdict its
    /// author expects (`witnessed`, or `violated`: no example is reachable), if any.
    public static func sometimes(
        _ name: String, meaning: String, expect: ExpectedVerdict? = nil,
        _ judge: @escaping @Sendable (StateView) throws -> [Finding]
    ) -> ExtentProperty {
        ExtentProperty(name: name, meaning: meaning, kind: .sometimes, expectation: expect, judge: .state(judge))
    }
}

extension ExtentProperty {
    /// The same property, with `verdict` as its author's expectation (nil: none).
    public func expecting(_ verdict: ExpectedVerdict?) -> ExtentProperty {
        ExtentProperty(name: name, meaning: meaning, kind: kind, expectation: verdict, explains: explains, judge: judge)
    }
}

extension ExtentProperty: Hashable {
    /// Properties are one property when they have one name.
    public static func == (lhs: ExtentProperty, rhs: ExtentProperty) -> Bool { lhs.name == rhs.name }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension ExtentProperty: CustomStringConvertible {
    /// The property's name.
    public var description: String { name }
}
