@_spi(Search) package import Explorer

extension ExtentModel {
    /// The trace of `property` along `path`, with concrete values for every word: a counterexample,
    /// or for a `sometimes` property an example.
    ///
    /// In symbolic mode the path is replayed with one name per fresh variable for the whole run
    /// (exploration renames them at every state). The property is judged again at the end of the
    /// path; the condition of the finding it reports is what the values must exhibit, and Z3 picks
    /// values under which it holds. The property's own sentence, judged once more with
    /// those values shown, is the trace's last line.
    package func trace(of path: Path<ExtentState, ExtentAction>, for property: ExtentProperty) throws -> Trace {
        try TraceBuilder(path: ReplayedPath(model: self, replaying: path), property: property).trace()
    }

    /// Runs `trace` again, step by step: each step must be enabled where the trace takes it, each
    /// state must be the trace's (with the trace's values for the words, and checksums recomputed from
    /// them), and the last must violate `property` with those values.
    ///
    /// Steps are matched by their recorded action (`traceAction(of:in:)`), never by their text, and
    /// numbered by their place in the trace. Throws only when Z3 fails; a trace that does not fit the
    /// model is a `.diverged`.
    package func replay(_ trace: Trace, for property: ExtentProperty) throws -> TraceReplay {
        try TraceReplayer(model: self, trace: trace, property: property).replay()
    }

    /// The state in lines for a drawing: every part as `what: value`, words by name in symbolic
    /// mode (as the search's states name them) and by value in concrete mode.
    package func summary(of state: ExtentState) -> [String] {
        StatePart.lines(of: StateView(state, decider: TermDecider(model: self, renderer: namesRenderer)))
            .map { "\($0.what): \($0.value)" }
    }
}
