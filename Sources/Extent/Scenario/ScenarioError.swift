/// A scenario that cannot be checked: which part of it is wrong, which field of that part, and why.
///
/// `Scenario.validate()` throws it, and so does everything that would explore or write an invalid
/// scenario: creating an `ExtentModel`, checking, simulating, graphing or replaying through
/// `ExtentChecker`, and `ModelFileWriter`. Model files are checked by the same validation; the
/// loader reports its errors at the file, line and key of the field.
///
/// ```swift
/// do {
///     try scenario.validate()
/// } catch {
///     print(error)  // scenario 'race': actor 'qemu', step 0: at: at must be a block of the file, 0 through 1; found 5
/// }
/// ```
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name of the scenario.
    public var scenario: String
    /// The part of the scenario that is wrong.
    public var subject: Subject
    /// The field of that part that is wrong.
    public var field: Field
    /// What is wrong, in a user's words.
    public var problem: String

    /// Creates an error.
    public init(scenario: String, subject: Subject, field: Field, problem: String) {
        self.scenario = scenario
        self.subject = subject
        self.field = field
        self.problem = problem
    }

    /// A part of a scenario, by its index in the scenario's lists and its name.
    public enum Subject: Hashable, Sendable, CustomStringConvertible {
        /// The scenario as a whole: its geometry, data mode and lists.
        case scenario
        /// The buffer at this index of `Scenario.buffers`.
        case buffer(index: Int, name: String)
        /// The actor at this index of `Scenario.actors`: its name or its mutator role.
        case actor(index: Int, name: String)
        /// Step `step` of the script of the writer at index `actor` of `Scenario.actors`.
        case step(actor: Int, name: String, step: Int)
        /// The policy at this index of `Scenario.policies`.
        case policy(index: Int, name: String)
        /// The property at this index of `Scenario.invariants`.
        case invariant(index: Int, name: String)
        /// The verdicts expected under the policy with this name, or of one property under it.
        case expectation(policy: String, property: String?)

        /// The part as a user names it, e.g. `actor 'qemu', step 2`.
        public var description: String {
            switch self {
            case .scenario: "scenario"
            case .buffer(let index, let name): "buffer \(index) \(ScenarioError.quoted(name))"
            case .actor(let index, let name): "actor \(index) \(ScenarioError.quoted(name))"
            case .step(let actor, let name, let step): "actor \(actor) \(ScenarioError.quoted(name)), step \(step)"
            case .policy(let index, let name): "policy \(index) \(ScenarioError.quoted(name))"
            case .invariant(let index, let name): "invariant \(index) \(ScenarioError.quoted(name))"
            case .expectation(let policy, nil): "expectations under '\(policy)'"
            case .expectation(let policy, let property?): "expectation of '\(property)' under '\(policy)'"
            }
        }
    }

    /// A field of a scenario's part, named as the Swift property that holds it.
    public enum Field: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// A name: of a buffer, an actor, a policy or a property.
        case name
        /// `Geometry.blocks`, `Buffer.blocks` or `IORange.blocks`, as the subject says.
        case blocks
        /// `Geometry.blockWords`.
        case blockWords
        /// `Geometry.wordBits`.
        case wordBits
        /// `Geometry.mirrors`.
        case mirrors
        /// `Scenario.data`.
        case data
        /// `Scenario.buffers`: how many there are.
        case buffers
        /// `Scenario.actors`: how many there are.
        case actors
        /// `Scenario.crashes`.
        case crashes
        /// `Scenario.policies`: how many there are.
        case policies
        /// A writer's script: how many steps it has.
        case script
        /// `IORange.buffer`: the buffer a write reads.
        case buffer
        /// `IORange.at`: the first file block a write writes.
        case at
        /// A mutator's `MutationTarget`.
        case target
        /// A mutator's budget.
        case budget
        /// A scrubber's passes.
        case passes
        /// `Scenario.expectations`: a policy or property it names.
        case expectations

        /// The field's Swift name.
        public var description: String { rawValue }
    }

    /// The error as `scenario 'NAME': SUBJECT: FIELD: PROBLEM`, the subject left out for the scenario as a whole.
    public var description: String {
        let part = subject == .scenario ? "" : "\(subject): "
        return "scenario \(Self.quoted(scenario)): \(part)\(field): \(problem)"
    }

    /// `'name'`, cut to its first 64 characters where it is longer: a name over the limit is itself
    /// the error, and is not printed whole.
    static func quoted(_ name: String) -> String {
        name.count > 64 ? "'\(name.prefix(64))…'" : "'\(name)'"
    }

    /// The name of the actor the error is about, if it is about an actor or one of its steps.
    public var actor: String? {
        switch subject {
        case .actor(_, let name), .step(_, let name, _): name
        default: nil
        }
    }

    /// The index of the script step the error is about, if it is about one.
    public var step: Int? {
        if case .step(_, _, let step) = subject { step } else { nil }
    }

    /// A field and what is wrong with it, before the part it belongs to is known: what the rules of
    /// one part return, for `Scenario.validate()` and the model-file loader to place.
    package struct Fault: Hashable, Sendable {
        /// The field that is wrong.
        package var field: Field
        /// What is wrong, in a user's words.
        package var problem: String

        /// Creates a fault.
        package init(_ field: Field, _ problem: String) {
            self.field = field
            self.problem = problem
        }
    }
}
