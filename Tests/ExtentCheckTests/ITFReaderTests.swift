import ExtentCheck
import Foundation
import Testing

/// Every ITF trace of every bundled model (every policy, every violated or witnessed property), read
/// as other tools read ITF: by itf-py, the Python reader of Apalache and Quint traces, where it is
/// installed; and against the `#meta.varTypes` the trace declares, as Apalache checks a trace it loads.
@Suite("ITF traces as ITF readers read them")
struct ITFReaderTests {
    /// Every bundled model's trace documents, each with its model file.
    static func allDocuments() throws -> [TraceDocument] {
        try PackagePaths.modelFiles.flatMap { try ExtentChecker().check(file: $0).traceDocuments }
    }

    @Test("every state has the type #meta.varTypes gives each variable: records keep their fields")
    func everyTraceHasItsDeclaredTypes() throws {
        let documents = try Self.allDocuments()
        #expect(documents.count >= 38, "the bundled models' 38 counterexamples at least")
        // Concrete words: checksums have no value, and the types say so.
        var options = CheckOptions()
        options.data = .concrete(2)
        let concrete = try ExtentChecker(options: options).check(file: CLITests.qemu).traceDocuments
        #expect(!concrete.isEmpty)
        for document in documents + concrete {
            let itf = try JSONDecoder().decode(ITFTrace.self, from: Data(try document.text(in: .itf).utf8))
            let declared = try #require(itf.meta.varTypes, "\(document.fileName(.itf))")
            #expect(Set(declared.keys) == Set(itf.vars))
            for variable in itf.vars {
                let type = try ApalacheType(parsing: try #require(declared[variable]))
                for (index, state) in itf.states.enumerated() {
                    let value = try #require(state.values[variable], "\(document.fileName(.itf)) state \(index) \(variable)")
                    let problem = type.mismatch(value, at: variable)
                    #expect(problem == nil, "\(document.fileName(.itf)) state \(index): \(problem ?? "")")
                }
                #expect(itf.states.map(\.meta.index) == Array(itf.states.indices))
            }
        }
    }

    @Test("the type check finds a record whose fields change, and a name-keyed record where a map is declared")
    func theTypeCheckFindsWhatItLooksFor() throws {
        let type = try ApalacheType(parsing: "Str -> { position: Int, waiting: Str }")
        #expect(type == .function(.str, .record(["position": .int, "waiting": .str])))
        let good = TraceValue.map([.string("qemu"): .record(["position": .integer(0), "waiting": .string("none")])])
        #expect(type.mismatch(good) == nil)
        #expect(type.mismatch(.map([.string("qemu"): .record(["position": .integer(0)])])) != nil)
        #expect(type.mismatch(.record(["qemu": .record(["position": .integer(0), "waiting": .string("none")])])) != nil)
        #expect(try ApalacheType(parsing: "Seq(<<Int, Int>> -> Seq(Int))") == .seq(.function(.tuple([.int, .int]), .seq(.int))))
        #expect(throws: ApalacheType.ParseError.self) { try ApalacheType(parsing: "Seq(Int") }
    }

    /// itf-py's version, where `python3` can import it.
    static let itfPyVersion: String? = {
        let run = Python.run(["-c", "import itf_py, importlib.metadata as m; print(m.version('itf-py'))"])
        return run?.status == 0 ? run?.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }()

    /// Reads every file named on the command line with itf-py; prints what it parsed and what it could not.
    static let parser = """
        import json, sys, itf_py
        parsed, failed = 0, []
        for path in sys.argv[1:]:
            try:
                with open(path) as f:
                    trace = itf_py.trace_from_json(json.load(f))
                indices = [s.meta["index"] for s in trace.states]
                assert all(type(i) is int for i in indices), "an index that is not a plain integer"
                assert indices == list(range(len(trace.states))), "indices out of order"
                assert all(set(s.values) == set(trace.vars) for s in trace.states), "a state without every variable"
                assert set(trace.meta["varTypes"]) == set(trace.vars), "varTypes does not type every variable"
                parsed += 1
            except Exception as error:
                failed.append([path, repr(error)])
        print(json.dumps({"parsed": parsed, "failed": failed}))
        """

    @Test(
        "itf-py parses every ITF trace of every bundled model",
        .enabled(if: itfPyVersion != nil, "itf-py is not importable by python3: `python3 -m pip install itf-py` (.ci/run does)"))
    func itfPyParsesEveryTrace() throws {
        let directory = try scratchDirectory("itf-py")
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = try Self.allDocuments()
        var paths: [String] = []
        for document in documents {
            let path = directory.appendingPathComponent(document.fileName(.itf)).path
            try document.text(in: .itf).write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let run = try #require(Python.run(["-c", Self.parser] + paths))
        #expect(run.status == 0, "\(run.output)")
        struct Outcome: Decodable {
            var parsed: Int
            var failed: [[String]]
        }
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(run.output.utf8))
        #expect(outcome.failed.isEmpty, "\(outcome.failed)")
        #expect(outcome.parsed == documents.count && outcome.parsed >= 38)
        print("itf-py \(Self.itfPyVersion ?? "?") parsed \(outcome.parsed) of \(documents.count) ITF traces "
            + "of \(PackagePaths.modelFiles.count) bundled models")
    }
}

/// `python3`, run to the end.
enum Python {
    /// The exit status and standard output of `python3 arguments`; nil where there is no python3.
    static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
