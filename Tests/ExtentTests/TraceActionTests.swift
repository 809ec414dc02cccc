import Extent
import Testing

/// A step's action as traces record it, and as the previous release's step text is read.
@Suite struct TraceActionTests {
    /// Every form of step text the previous release wrote, with the action it means.
    static let previousReleaseSteps: [(actor: String, text: String, action: TraceAction)] = [
        ("qemu", "dio-write guest-page at 0 len 1 (direct)",
         TraceAction(kind: .dioWrite, actor: "qemu", buffer: "guest-page", block: 0, blocks: 1)),
        ("qemu", "dio-write guest-page at 2 len 3 (bounce copy)",
         TraceAction(kind: .dioWrite, actor: "qemu", buffer: "guest-page", block: 2, blocks: 3)),
        ("qemu", "dio-write guest-page at 0 len 1 (falls back to buffered)",
         TraceAction(kind: .dioWrite, actor: "qemu", buffer: "guest-page", block: 0, blocks: 1)),
        ("app", "write app buffer at 1 len 2",
         TraceAction(kind: .write, actor: "app", buffer: "app buffer", block: 1, blocks: 2)),
        ("app", "fsync", TraceAction(kind: .fsync, actor: "app")),
        ("flusher", "writeback folio 3", TraceAction(kind: .writeback, actor: "flusher", block: 3)),
        ("kernel", "csum bio qemu block 0", TraceAction(kind: .csum, actor: "kernel", bio: "bio qemu", block: 0)),
        ("device", "dma bio writeback-1 mirror 1 block 1",
         TraceAction(kind: .dma, actor: "device", bio: "bio writeback-1", block: 1, mirror: 1)),
        ("kernel", "complete bio qemu", TraceAction(kind: .complete, actor: "kernel", bio: "bio qemu", fails: false)),
        ("kernel", "complete bio qemu (fails)", TraceAction(kind: .complete, actor: "kernel", bio: "bio qemu", fails: true)),
        ("guest-fs", "mutate guest-page word 5", TraceAction(kind: .mutate, actor: "guest-fs", buffer: "guest-page", word: 5)),
        ("guest-fs", "mutate guest-page word 0 := 1",
         TraceAction(kind: .mutate, actor: "guest-fs", buffer: "guest-page", word: 0, value: 1)),
        ("mmap", "mutate folio 2 word 1", TraceAction(kind: .mutate, actor: "mmap", block: 2, word: 1)),
        ("mmap", "mutate folio 0 word 0 := 255", TraceAction(kind: .mutate, actor: "mmap", block: 0, word: 0, value: 255)),
    ]

    @Test("the previous release's step text reads as the action it meant", arguments: 0..<previousReleaseSteps.count)
    func previousReleaseText(index: Int) {
        let (actor, text, action) = Self.previousReleaseSteps[index]
        #expect(TraceAction(previousReleaseStep: text, actor: actor) == action)
    }

    @Test("text that is no step of the previous release reads as none", arguments: [
        "", "jump", "csum bio qemu", "csum bio qemu block x", "dma bio qemu block 0", "fsync now", "writeback folio",
        "mutate guest-page word 0 := many", "dio-write at 0 len 1", "complete",
    ])
    func notAStep(text: String) {
        #expect(TraceAction(previousReleaseStep: text, actor: "someone") == nil)
    }

    @Test("an action in words is the previous release's text less how a direct write is carried out")
    func descriptionReadsBack() {
        for (actor, text, action) in Self.previousReleaseSteps {
            #expect(TraceAction(previousReleaseStep: action.description, actor: actor) == action, "\(text)")
            #expect(text.hasPrefix(action.description), "\(action.description) vs \(text)")
        }
    }
}
