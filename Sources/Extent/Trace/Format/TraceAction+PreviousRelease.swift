extension TraceAction {
    /// The action a trace of the previous release (which recorded steps as text only) meant by the
    /// step `text` of `actor`, e.g. `dma bio qemu mirror 0 block 0`; nil where the text is not a step
    /// of that release.
    ///
    /// The grammar is that release's, fixed here: later rewordings of step descriptions do not change
    /// what it reads. Names are read from the ends of the text inwards, so a name with spaces reads whole.
    package init?(previousReleaseStep text: String, actor: String) {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let first = words.first, let kind = StepView.Kind(rawValue: first) else { return nil }
        words.removeFirst()
        self.init(kind: kind, actor: actor)
        switch kind {
        case .dioWrite, .write:
            // `dio-write BUF at A len N (direct)`; the parenthesis says how the policy carried it out.
            if kind == .dioWrite, let open = words.lastIndex(where: { $0.hasPrefix("(") }) { words.removeSubrange(open...) }
            guard let blocks = Self.number(after: "len", popping: &words), let at = Self.number(after: "at", popping: &words),
                let buffer = Self.name(words)
            else { return nil }
            (self.buffer, block, self.blocks) = (buffer, at, blocks)
        case .fsync:
            guard words.isEmpty else { return nil }
        case .writeback:
            guard words.count == 2, words[0] == "folio", let block = Int(words[1]) else { return nil }
            self.block = block
        case .csum:
            guard let block = Self.number(after: "block", popping: &words), let bio = Self.name(words) else { return nil }
            (self.bio, self.block) = (bio, block)
        case .dma:
            guard let block = Self.number(after: "block", popping: &words),
                let mirror = Self.number(after: "mirror", popping: &words), let bio = Self.name(words)
            else { return nil }
            (self.bio, self.mirror, self.block) = (bio, mirror, block)
        case .complete:
            fails = words.last == "(fails)"
            if fails == true { words.removeLast() }
            guard let bio = Self.name(words) else { return nil }
            self.bio = bio
        case .mutate:
            if words.count >= 2, words[words.count - 2] == ":=" {
                guard let value = UInt64(words[words.count - 1]) else { return nil }
                self.value = value
                words.removeLast(2)
            }
            guard let word = Self.number(after: "word", popping: &words), !words.isEmpty else { return nil }
            self.word = word
            if words.count == 2, words[0] == "folio", let block = Int(words[1]) {
                self.block = block
            } else {
                buffer = Self.name(words)
            }
        case .read, .fetch, .check, .repair, .end, .scrub, .crash:
            // Steps of readers and scrubbers, and crashes, came after that release.
            return nil
        }
    }

    /// The number at the end of `words` after the word `label`, both taken off; nil if they are not there.
    private static func number(after label: String, popping words: inout [String]) -> Int? {
        guard words.count >= 2, words[words.count - 2] == label, let value = Int(words[words.count - 1]) else { return nil }
        words.removeLast(2)
        return value
    }

    /// The words joined back into a name; nil if there are none.
    private static func name(_ words: [String]) -> String? {
        words.isEmpty || words.allSatisfy(\.isEmpty) ? nil : words.joined(separator: " ")
    }
}
