/// What a judgement reports: a condition on the state's words under which the property breaks (for
/// a `sometimes` property, under which the state is an example), and the sentence that says so.
///
/// ```swift
/// Finding(when: checksum != state.checksum(of: data), "stored block \(index) disagrees with its checksum")
/// ```
///
/// The checker reports a finding when some value of the variables satisfies its condition, given
/// what the steps on the way assumed; a trace then shows such values, and the sentence is built
/// with them. The sentence is built only for the finding reported.
public struct Finding {
    /// When the property breaks here.
    public let condition: Condition
    let sentence: () -> String

    /// A finding that is real when `condition` is possible, said by `sentence`.
    public init(when condition: Condition, _ sentence: @escaping @autoclosure () -> String) {
        self.condition = condition
        self.sentence = sentence
    }

    /// A finding that does not depend on the words: real whenever the judgement reports it.
    public init(_ sentence: @escaping @autoclosure () -> String) {
        self.init(when: .always, sentence())
    }
}
