/// How text reports mark what matters: plainly, or in colour for a terminal (ANSI escapes): actors,
/// the parts a step changed, the violation, and each result's status.
public struct TextStyle: Hashable, Sendable {
    /// Whether text is coloured.
    public var usesColor: Bool

    /// No escapes: for files, pipes, and `NO_COLOR`.
    public static let plain = TextStyle(usesColor: false)
    /// ANSI colours.
    public static let color = TextStyle(usesColor: true)

    /// Creates a style.
    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// Who took a step.
    func actor(_ text: String) -> String { paint(text, "1;36") }
    /// A part a step changed: its name.
    func part(_ text: String) -> String { paint(text, "1") }
    /// A part's new value.
    func changed(_ text: String) -> String { paint(text, "33") }
    /// What is wrong: a trace's conclusion.
    func violation(_ text: String) -> String { paint(text, "1;31") }
    /// A result as expected.
    func good(_ text: String) -> String { paint(text, "32") }
    /// A result not as expected.
    func bad(_ text: String) -> String { paint(text, "1;31") }
    /// A result not decided.
    func undecided(_ text: String) -> String { paint(text, "1;33") }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
