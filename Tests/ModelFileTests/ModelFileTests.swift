import Extent
import Foundation
import ModelFile
import Testing

/// Valid model files load into the scenarios they describe.
@Suite struct ModelFileTests {
    /// The example of `model-files.md`, word for word.
    static let documentedExample = """
        name: qemu-cache-none
        about: >
          QEMU with cache=none writes a guest page with O_DIRECT while the guest
          file system, which does not wait for writeback, modifies the page again.
        blocks: 1
        block-words: 1
        word-bits: 32
        mirrors: 1
        checksum: crc32c          # crc32c | uninterpreted
        data: symbolic            # symbolic | concrete:K
        buffers:
          guest-page: 1           # name: length in blocks
        actors:
          qemu:
            writer:
              - dio-write: {from: guest-page, at: 0, blocks: 1}
              - fsync
          guest-fs:
            mutator: {target: guest-page, budget: 1}
        policies: [dio-csum, buffered-fallback, nodatasum, dio-skip-csum, nodatasum-mount, dio-bounce]
        invariants: [csum-matches-data, checksummed, no-deadlock]
        expect:
          dio-csum: {csum-matches-data: violated}
          buffered-fallback: holds            # every invariant
          nodatasum: {checksummed: violated}
        """

    @Test func documentedExampleLoads() throws {
        let scenario = try ModelFileReader.parse(Self.documentedExample, path: "Models/example.yaml")
        #expect(scenario.name == "qemu-cache-none")
        #expect(
            scenario.about
                == "QEMU with cache=none writes a guest page with O_DIRECT while the guest file system,"
                + " which does not wait for writeback, modifies the page again.")
        #expect(scenario.geometry == Geometry(blocks: 1, blockWords: 1, wordBits: 32, mirrors: 1))
        #expect(scenario.checksum == .crc32c)
        #expect(scenario.data == .symbolic)
        #expect(scenario.buffers == [Buffer(name: "guest-page", blocks: 1)])
        #expect(
            scenario.actors == [
                Scenario.Actor(
                    name: "qemu",
                    role: .writer([.directWrite(IORange(buffer: 0, at: 0, blocks: 1)), .fsync])),
                Scenario.Actor(name: "guest-fs", role: .mutator(target: .buffer(0), budget: 1)),
            ])
        #expect(
            scenario.policies.map(\.name)
                == ["dio-csum", "buffered-fallback", "nodatasum", "dio-skip-csum", "nodatasum-mount", "dio-bounce"])
        #expect(scenario.policies.allSatisfy { Policy.builtIn(named: $0.name) == $0 })
        #expect(scenario.invariants == [.csumMatchesData, .checksummed, .noDeadlock])
        #expect(
            scenario.expectations == [
                "dio-csum": ["csum-matches-data": .violated],
                "buffered-fallback": ["csum-matches-data": .holds, "checksummed": .holds, "no-deadlock": .holds],
                "nodatasum": ["checksummed": .violated],
            ])
    }

    @Test func customPolicyLoads() throws {
        let scenario = try ModelFileReader.parse(
            """
            blocks: 2
            mirrors: 2
            checksum: uninterpreted
            data: concrete:3
            buffers: {first: 1, second: 2}
            actors:
              thread:
                writer:
                  - write: {from: second}
                  - dio-write: {from: first, at: 1}
                  - fsync
              mmap:
                mutator: {target: page-cache, budget: 0}
            policies:
              - dio-csum
              - name: bounce-unstable
                dio-path: bounce            # direct | bounce | buffered | buffered-if-mirrored
                dio-checksum: true
                buffered-checksum: true
                stable-pages: false
            expect:
              bounce-unstable: {mirrors-agree: holds, checksummed: violated}
            """,
            path: "custom.yaml")
        #expect(scenario.name == "custom")
        #expect(scenario.geometry == Geometry(blocks: 2, blockWords: 1, wordBits: 32, mirrors: 2))
        #expect(scenario.checksum == .uninterpreted)
        #expect(scenario.data == .concrete(3))
        #expect(scenario.buffers == [Buffer(name: "first", blocks: 1), Buffer(name: "second", blocks: 2)])
        #expect(
            scenario.actors == [
                Scenario.Actor(
                    name: "thread",
                    role: .writer([
                        .bufferedWrite(IORange(buffer: 1, at: 0, blocks: 2)),
                        .directWrite(IORange(buffer: 0, at: 1, blocks: 1)),
                        .fsync,
                    ])),
                Scenario.Actor(name: "mmap", role: .mutator(target: .pageCache, budget: 0)),
            ])
        #expect(
            scenario.policies == [
                Policy.builtIn(named: "dio-csum")!,
                Policy(
                    name: "bounce-unstable", directIOPath: .bounce, directIOChecksum: true,
                    bufferedChecksum: true, stablePages: false, summary: "defined in custom.yaml"),
            ])
        // No reader or scrubber: every built-in invariant but §9's.
        #expect(scenario.invariants == ExtentProperty.builtIn.filter { !ExtentProperty.readInvariants.contains($0) })
        #expect(scenario.expectations == ["bounce-unstable": ["mirrors-agree": .holds, "checksummed": .violated]])
    }

    @Test func absentKeysTakeTheContractsDefaults() throws {
        let scenario = try ModelFileReader.parse("blocks: 2\n", path: "Models/dir.d/minimal.model.yaml")
        #expect(scenario == Scenario(name: "minimal.model"))
        #expect(scenario.about == "")
        #expect(scenario.geometry == Geometry(blocks: 2, blockWords: 1, wordBits: 32, mirrors: 1))
        #expect(scenario.checksum == .crc32c)
        #expect(scenario.data == .symbolic)
        #expect(scenario.buffers.isEmpty)
        #expect(scenario.actors.isEmpty)
        #expect(scenario.policies == Policy.builtIn)
        #expect(scenario.invariants == ExtentProperty.builtIn.filter { !ExtentProperty.readInvariants.contains($0) })
        #expect(scenario.expectations.isEmpty)
    }

    @Test(arguments: [
        ("Models/qemu.yaml", "qemu"),
        ("qemu", "qemu"),
        ("a.b/.hidden", ".hidden"),
        ("dir/x.tar.yaml", "x.tar"),
    ])
    func nameDefaultsToTheFilesBaseName(path: String, name: String) throws {
        #expect(try ModelFileReader.parse("{}", path: path).name == name)
    }

    @Test func writeArgumentsTakeTheirDefaults() throws {
        let scenario = try ModelFileReader.parse(
            """
            blocks: 3
            buffers: {big: 3, small: 1}
            actors:
              w: {writer: [dio-write: {from: big}, write: {from: small, at: 2}]}
              m: {mutator: {target: small}}
            """,
            path: "x.yaml")
        #expect(
            scenario.actors == [
                Scenario.Actor(
                    name: "w",
                    role: .writer([
                        .directWrite(IORange(buffer: 0, at: 0, blocks: 3)),
                        .bufferedWrite(IORange(buffer: 1, at: 2, blocks: 1)),
                    ])),
                Scenario.Actor(name: "m", role: .mutator(target: .buffer(1), budget: 1)),
            ])
    }

    @Test func loadReadsTheFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ModelFileTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("qemu-cache-none.yaml")
        try Self.documentedExample.write(to: file, atomically: true, encoding: .utf8)
        let scenario = try ModelFileReader.load(contentsOf: file.path)
        let expected = try ModelFileReader.parse(Self.documentedExample, path: "elsewhere.yaml")
        #expect(scenario == expected)
    }

    @Test func errorDescriptionNamesFileLineColumnAndKey() {
        let error = ModelFileError(
            path: "Models/x.yaml", line: 12, column: 7, key: "actors.qemu.writer[0].dio-write.from",
            message: "unknown buffer 'guset-page' (buffers: guest-page)")
        #expect(
            error.description
                == "Models/x.yaml:12:7: actors.qemu.writer[0].dio-write.from: unknown buffer 'guset-page' (buffers: guest-page)"
        )
        let whole = ModelFileError(path: "x.yaml", line: 0, column: 0, key: "", message: "cannot read the file")
        #expect(whole.description == "x.yaml: cannot read the file")
    }
}
