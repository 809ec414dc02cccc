import ModelFile
import Testing

/// Invalid model files fail with the file, line, column and key of the first error.
@Suite struct ModelFileErrorTests {
    /// Errors in the document's shape: syntax, top level, keys, types.
    static let shape: [ErrorCase] = [
        ErrorCase("YAML syntax error", "blocks: 1\n  mirrors: 2\n", at: 2, 10, key: "", "YAML syntax error"),
        ErrorCase("unclosed flow mapping", "buffers: {page: 1\nblocks: 1\n", at: 2, 7, key: "", "YAML syntax error"),
        ErrorCase("duplicate key", "blocks: 1\nblocks: 2\n", at: 1, 1, key: "", "key 'blocks' is given more than once"),
        ErrorCase("empty file", "# nothing\n", at: 1, 1, key: "", "the file is empty"),
        ErrorCase("top level is a sequence", "- blocks: 1\n", at: 1, 1, key: "", "expected a mapping of model keys at the top level, found a sequence"),
        ErrorCase("top level is a scalar", "just text\n", at: 1, 1, key: "", "found 'just text'"),
        ErrorCase("unknown top-level key", "blocks: 1\nblokcs: 2\n", at: 2, 1, key: "blokcs", "unknown key 'blokcs'; expected one of name, about, blocks"),
        ErrorCase("integer as a word", "blocks: two\n", at: 1, 9, key: "blocks", "expected an integer, found 'two'"),
        ErrorCase("integer as a sequence", "blocks: [1]\n", at: 1, 9, key: "blocks", "expected an integer, found a sequence"),
        ErrorCase("integer quoted", "blocks: \"2\"\n", at: 1, 9, key: "blocks", "expected an integer, found '2'"),
        ErrorCase("integer as a float", "word-bits: 1.5\n", at: 1, 12, key: "word-bits", "expected an integer"),
        ErrorCase("integer missing", "mirrors:\n", at: 1, nil, key: "mirrors", "expected an integer, found nothing"),
        ErrorCase("string as a sequence", "about: [a]\n", at: 1, 8, key: "about", "expected a string, found a sequence"),
        ErrorCase("buffers as a sequence", "buffers: [page]\n", at: 1, 10, key: "buffers", "expected a mapping, found a sequence"),
        ErrorCase("policies as a scalar", "policies: dio-csum\n", at: 1, 11, key: "policies", "expected a sequence, found 'dio-csum'"),
    ]

    /// Values out of their ranges: geometry, data mode, checksum, buffers.
    static let values: [ErrorCase] = [
        ErrorCase("blocks 0", "blocks: 0\n", at: 1, 9, key: "blocks", "blocks must be 1 through 16"),
        ErrorCase("blocks too many", "blocks: 17\n", at: 1, 9, key: "blocks", "blocks must be 1 through 16"),
        ErrorCase("block-words 9", "block-words: 9\n", at: 1, 14, key: "block-words", "block-words must be 1 through 8"),
        ErrorCase("word-bits 0", "word-bits: 0\n", at: 1, 12, key: "word-bits", "word-bits must be 1 through 64"),
        ErrorCase("word-bits 65", "word-bits: 65\n", at: 1, 12, key: "word-bits", "word-bits must be 1 through 64"),
        ErrorCase("mirrors 0", "mirrors: 0\n", at: 1, 10, key: "mirrors", "mirrors must be 1 or 2"),
        ErrorCase("mirrors 3", "mirrors: 3\n", at: 1, 10, key: "mirrors", "mirrors must be 1 or 2"),
        ErrorCase("unknown checksum", "checksum: md5\n", at: 1, 11, key: "checksum", "unknown checksum 'md5'; expected crc32c or uninterpreted"),
        ErrorCase("data concrete:0", "data: concrete:0\n", at: 1, 7, key: "data", "concrete:K needs K 1 through 251"),
        ErrorCase("data concrete:252", "data: concrete:252\n", at: 1, 7, key: "data", "concrete:K needs K 1 through 251"),
        ErrorCase("data concrete:x", "data: concrete:x\n", at: 1, 7, key: "data", "expected concrete:K with K an integer"),
        ErrorCase("data concrete:", "data: 'concrete:'\n", at: 1, 7, key: "data", "expected concrete:K with K an integer"),
        ErrorCase("data sparse", "data: sparse\n", at: 1, 7, key: "data", "unknown data mode 'sparse'; expected symbolic or concrete:K"),
        ErrorCase("data wider than a word", "word-bits: 1\ndata: concrete:3\n", at: 2, 7, key: "data", "do not fit in 1-bit words"),
        ErrorCase(
            "data with too many initial states", "blocks: 4\ndata: concrete:10\nbuffers: {b: 4}\n", at: 2, 7, key: "data",
            "gives 10^8 initial states, more than 1000000"),
        ErrorCase("buffer of 0 blocks", "buffers: {page: 0}\n", at: 1, 17, key: "buffers.page", "a buffer's length must be 1 through 16"),
        ErrorCase("buffer named page-cache", "buffers:\n  page-cache: 1\n", at: 2, 3, key: "buffers.page-cache", "names the page cache"),
    ]

    /// Errors in actors: roles, steps, ranges, buffers, budgets.
    static let actors: [ErrorCase] = [
        ErrorCase(
            "unknown key in a dio-write",
            """
            buffers: {page: 1}
            actors:
              qemu:
                writer:
                  - dio-write: {from: page, size: 1}
            """,
            at: 5, 33, key: "actors.qemu.writer[0].dio-write.size", "unknown key 'size'; expected one of from, at, blocks"),
        ErrorCase(
            "unknown key in a mutator",
            """
            buffers: {page: 1}
            actors:
              fs:
                mutator: {target: page, budjet: 2}
            """,
            at: 4, 29, key: "actors.fs.mutator.budjet", "unknown key 'budjet'; expected target or budget"),
        ErrorCase(
            "unknown actor role",
            """
            actors:
              fs:
                sleeper: []
            """,
            at: 3, 5, key: "actors.fs.sleeper", "unknown key 'sleeper'; expected one of writer, mutator, reader, scrubber"),
        ErrorCase(
            "both roles",
            """
            buffers: {page: 1}
            actors:
              fs:
                writer: [fsync]
                mutator: {target: page}
            """,
            at: 5, 5, key: "actors.fs.mutator", "actor 'fs' has both writer and mutator"),
        ErrorCase(
            "no role",
            """
            actors:
              fs: {}
            """,
            at: 2, 7, key: "actors.fs", "actor 'fs' needs a role: one of writer, mutator, reader, scrubber"),
        ErrorCase(
            "unknown step",
            """
            actors:
              w: {writer: [fsync, sync]}
            """,
            at: 2, 23, key: "actors.w.writer[1]", "unknown step 'sync'; expected one of fsync, dio-write, write"),
        ErrorCase(
            "unknown step with arguments",
            """
            actors:
              w:
                writer:
                  - pwrite: {from: page}
            """,
            at: 4, 9, key: "actors.w.writer[0].pwrite", "unknown step 'pwrite'"),
        ErrorCase(
            "step without arguments",
            """
            actors:
              w: {writer: [dio-write]}
            """,
            at: 2, 16, key: "actors.w.writer[0]", "dio-write needs its arguments"),
        ErrorCase(
            "step of two keys",
            """
            buffers: {page: 1}
            actors:
              w:
                writer:
                  - {write: {from: page}, fsync: {}}
            """,
            at: 5, 9, key: "actors.w.writer[0]", "a step is fsync or a mapping of one key"),
        ErrorCase(
            "range past the end of the file",
            """
            blocks: 2
            buffers: {page: 2}
            actors:
              w:
                writer:
                  - dio-write: {from: page, at: 1}
            """,
            at: 6, 37, key: "actors.w.writer[0].dio-write.at", "range 1..2 is past the end of the file (blocks: 2)"),
        ErrorCase(
            "default range past the end of the file",
            """
            blocks: 1
            buffers: {page: 2}
            actors:
              w:
                writer:
                  - write: {from: page}
            """,
            at: 6, 16, key: "actors.w.writer[0].write", "range 0..1 is past the end of the file (blocks: 1)"),
        ErrorCase(
            "blocks larger than the buffer",
            """
            buffers: {page: 1}
            actors:
              w:
                writer:
                  - write: {from: page, blocks: 2}
            """,
            at: 5, 37, key: "actors.w.writer[0].write.blocks", "blocks 2 is more than buffer 'page' holds (1 block)"),
        ErrorCase(
            "negative at",
            """
            buffers: {page: 1}
            actors:
              w: {writer: [write: {from: page, at: -1}]}
            """,
            at: 3, 40, key: "actors.w.writer[0].write.at", "at must be a block of the file, 0 through"),
        ErrorCase(
            "missing from",
            """
            buffers: {page: 1}
            actors:
              w: {writer: [write: {at: 0}]}
            """,
            at: 3, 23, key: "actors.w.writer[0].write.from", "missing key 'from'"),
        ErrorCase(
            "unknown buffer in a step",
            """
            buffers: {guest-page: 1}
            actors:
              qemu:
                writer:
                  - dio-write: {from: guset-page}
            """,
            at: 5, 27, key: "actors.qemu.writer[0].dio-write.from", "unknown buffer 'guset-page' (buffers: guest-page)"),
        ErrorCase(
            "unknown buffer as mutator target",
            """
            buffers: {guest-page: 1}
            actors:
              fs:
                mutator: {target: page}
            """,
            at: 4, 23, key: "actors.fs.mutator.target", "unknown buffer 'page' (buffers: guest-page; or page-cache)"),
        ErrorCase(
            "mutator without target",
            """
            actors:
              fs:
                mutator: {budget: 1}
            """,
            at: 3, 14, key: "actors.fs.mutator.target", "missing key 'target'"),
        ErrorCase(
            "budget below 0",
            """
            buffers: {page: 1}
            actors:
              fs:
                mutator: {target: page, budget: -1}
            """,
            at: 4, 37, key: "actors.fs.mutator.budget", "budget must be 0 through 1000000"),
        ErrorCase(
            "read into a buffer",
            """
            buffers: {page: 1}
            actors:
              backup:
                reader: [read: {into: page}]
            """,
            at: 4, 21, key: "actors.backup.reader[0].read.into", "unknown key 'into'; expected at or blocks"),
        ErrorCase(
            "dio-read without into",
            """
            actors:
              backup:
                reader: [dio-read: {at: 0}]
            """,
            at: 3, 24, key: "actors.backup.reader[0].dio-read.into", "missing key 'into'"),
        ErrorCase(
            "read past the end of the file",
            """
            blocks: 2
            actors:
              backup:
                reader: [read: {at: 1, blocks: 2}]
            """,
            at: 4, 25, key: "actors.backup.reader[0].read.at", "range 1..2 is past the end of the file (blocks: 2)"),
        ErrorCase(
            "unknown buffer in a dio-read",
            """
            buffers: {page: 1}
            actors:
              backup:
                reader: [dio-read: {into: pgae}]
            """,
            at: 4, 31, key: "actors.backup.reader[0].dio-read.into", "unknown buffer 'pgae' (buffers: page)"),
        ErrorCase(
            "read without arguments",
            """
            actors:
              backup:
                reader: [dio-read]
            """,
            at: 3, 14, key: "actors.backup.reader[0]", "dio-read needs its arguments, as in dio-read: {into: BUFFER, at: 0}"),
        ErrorCase(
            "scrubber of no pass",
            """
            actors:
              admin:
                scrubber: {passes: 0}
            """,
            at: 3, 24, key: "actors.admin.scrubber.passes", "passes must be 1 through 64, found 0"),
    ]

    /// Sizes past the maxima `Scenario.validate()` sets, placed at the key that lists too many.
    static let sizes: [ErrorCase] = [
        ErrorCase(
            "too many buffers", "buffers: {\((0..<17).map { "b\($0): 1" }.joined(separator: ", "))}\n",
            at: 1, 10, key: "buffers", "at most 16 buffers, found 17"),
        ErrorCase(
            "too many actors", "actors: {\((0..<17).map { "w\($0): {writer: [fsync]}" }.joined(separator: ", "))}\n",
            at: 1, 9, key: "actors", "at most 16 actors, found 17"),
        ErrorCase(
            "script too long", "actors:\n  w:\n    writer: [\(Array(repeating: "fsync", count: 65).joined(separator: ", "))]\n",
            at: 3, 13, key: "actors.w.writer", "a script has at most 64 steps, found 65"),
        ErrorCase(
            "writer past the end in its second step",
            """
            blocks: 2
            buffers: {page: 1}
            actors:
              w: {writer: [fsync, write: {from: page, at: 5}]}
            """,
            at: 4, 47, key: "actors.w.writer[1].write.at", "at must be a block of the file, 0 through 1, found 5"),
    ]

    /// Errors in policies and invariants.
    static let policies: [ErrorCase] = [
        ErrorCase("unknown policy", "policies: [dio-csum, dio-sum]\n", at: 1, 22, key: "policies[1]", "unknown policy 'dio-sum'; built-in policies: dio-csum, buffered-fallback"),
        ErrorCase("duplicate policy", "policies: [dio-csum, dio-csum]\n", at: 1, 22, key: "policies[1]", "policy 'dio-csum' is already listed (policies[0])"),
        ErrorCase("empty policies", "policies: []\n", at: 1, 11, key: "policies", "policies must list at least one policy"),
        ErrorCase(
            "unknown key in a custom policy",
            """
            policies:
              - name: mine
                dio-path: bounce
                dio-checksum: true
                buffered-checksum: true
                stable-pages: false
                stable: true
            """,
            at: 7, 5, key: "policies[0].stable", "unknown key 'stable'; expected one of name, dio-path"),
        ErrorCase(
            "custom policy missing a column",
            """
            policies:
              - name: mine
                dio-path: bounce
                dio-checksum: true
                buffered-checksum: true
            """,
            at: 2, 5, key: "policies[0].stable-pages", "missing key 'stable-pages'; a custom policy gives name, dio-path"),
        ErrorCase(
            "custom policy reusing a built-in name",
            """
            policies:
              - name: dio-csum
                dio-path: bounce
                dio-checksum: true
                buffered-checksum: true
                stable-pages: true
            """,
            at: 2, 11, key: "policies[0].name", "'dio-csum' is a built-in policy"),
        ErrorCase(
            "custom policy listed twice",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: true, buffered-checksum: true, stable-pages: true}
              - {name: mine, dio-path: bounce, dio-checksum: true, buffered-checksum: true, stable-pages: true}
            """,
            at: 3, 12, key: "policies[1].name", "policy 'mine' is already listed (policies[0])"),
        ErrorCase(
            "custom policy with an unknown path",
            """
            policies:
              - {name: mine, dio-path: sideways, dio-checksum: true, buffered-checksum: true, stable-pages: true}
            """,
            at: 2, 28, key: "policies[0].dio-path", "unknown dio-path 'sideways'; expected one of direct, bounce, buffered, buffered-if-mirrored, bounce-if-mirrored"),
        ErrorCase(
            "custom policy with an unknown verify",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: true, buffered-checksum: true, stable-pages: true, verify: always}
            """,
            at: 2, 109, key: "policies[0].verify", "unknown verify 'always'; expected none or after-dma"),
        ErrorCase(
            "custom policy with an unknown device check",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: true, buffered-checksum: true, stable-pages: true, device-check: dif}
            """,
            at: 2, 115, key: "policies[0].device-check", "unknown device-check 'dif'; expected none or guard"),
        ErrorCase(
            "custom policy with unknown user pages",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: true, buffered-checksum: true, stable-pages: true, user-pages: pinned}
            """,
            at: 2, 113, key: "policies[0].user-pages", "unknown user-pages 'pinned'; expected writable or write-protected"),
        ErrorCase(
            "custom policy with an unknown writeback source",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: true, buffered-checksum: true, stable-pages: true, writeback-source: page}
            """,
            at: 2, 119, key: "policies[0].writeback-source", "unknown writeback-source 'page'; expected folio or copy"),
        ErrorCase(
            "custom policy with yes for true",
            """
            policies:
              - {name: mine, dio-path: direct, dio-checksum: yes, buffered-checksum: true, stable-pages: true}
            """,
            at: 2, 50, key: "policies[0].dio-checksum", "expected true or false, found 'yes'"),
        ErrorCase("unknown invariant", "invariants: [csum-matches-data, no-deadlocks]\n", at: 1, 33, key: "invariants[1]", "unknown invariant 'no-deadlocks'; expected one of csum-matches-data"),
        ErrorCase("duplicate invariant", "invariants: [checksummed, checksummed]\n", at: 1, 27, key: "invariants[1]", "invariant 'checksummed' is already listed (invariants[0])"),
        ErrorCase("empty invariants", "invariants: []\n", at: 1, 13, key: "invariants", "invariants must list at least one invariant"),
    ]

    /// Errors in expected verdicts.
    static let expectations: [ErrorCase] = [
        ErrorCase(
            "expect naming an unlisted policy",
            """
            policies: [dio-csum]
            expect:
              nodatasum: holds
            """,
            at: 3, 3, key: "expect.nodatasum", "expect names policy 'nodatasum', which the model does not check (policies: dio-csum)"),
        ErrorCase(
            "expect naming an unlisted invariant",
            """
            invariants: [checksummed]
            expect:
              dio-csum: {csum-matches-data: violated}
            """,
            at: 3, 14, key: "expect.dio-csum.csum-matches-data", "expect names invariant 'csum-matches-data', which the model does not check"),
        ErrorCase(
            "expect naming an unknown invariant",
            """
            expect:
              dio-csum: {csum-matches: violated}
            """,
            at: 2, 14, key: "expect.dio-csum.csum-matches", "unknown invariant 'csum-matches'"),
        ErrorCase(
            "expect with a bad verdict",
            """
            expect:
              dio-csum: {checksummed: broken}
            """,
            at: 2, 27, key: "expect.dio-csum.checksummed", "unknown verdict 'broken'; expected holds or violated"),
        ErrorCase(
            "expect with a bad shorthand",
            """
            expect:
              dio-csum: violated
            """,
            at: 2, 13, key: "expect.dio-csum", "expected holds (every invariant) or a mapping"),
    ]

    @Test(arguments: shape) func shapeError(_ error: ErrorCase) { error.check() }
    @Test(arguments: values) func valueError(_ error: ErrorCase) { error.check() }
    @Test(arguments: actors) func actorError(_ error: ErrorCase) { error.check() }
    @Test(arguments: sizes) func sizeError(_ error: ErrorCase) { error.check() }
    @Test(arguments: policies) func policyError(_ error: ErrorCase) { error.check() }
    @Test(arguments: expectations) func expectationError(_ error: ErrorCase) { error.check() }

    @Test func firstErrorInReadingOrderWins() {
        ErrorCase(
            "two errors",
            "blocks: 0\nmirrors: 3\n",
            at: 1, 9, key: "blocks", "blocks must be 1 through 16"
        ).check()
    }

    @Test func unreadableFile() {
        let path = "/nonexistent/extentcheck/model.yaml"
        #expect(throws: ModelFileError(
            path: path, line: 0, column: 0, key: "", message: "cannot read the file: no such file"
        )) {
            try ModelFileReader.load(contentsOf: path)
        }
    }
}
