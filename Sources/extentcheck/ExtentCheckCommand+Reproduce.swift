import ArgumentParser
import ExtentCheck
import Foundation
import Reproducer

extension ExtentCheckCommand {
    /// `extentcheck reproduce FILE --policy P --invariant I --out DIR`: a counterexample as programs
    /// that provoke the same race on a real kernel.
    struct Reproduce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a model's shortest counterexample into a program that races a real btrfs.",
            discussion: """
                Checks the model under every policy it lists and the one named, and writes to DIR:
                  <program>.c         a C program (pthreads, O_DIRECT): `write` races the trace's \
                writers and mutators on copies of the model's file for some seconds; `read` reads \
                every block back with O_DIRECT and reports EIO and copies that differ; `readers` runs \
                the model's readers (buffered and O_DIRECT reads, a thread changing a buffer a read \
                lands in) and counts EIO and failed reads of blocks that read back intact
                  run.sh              makes a fresh btrfs (loop devices; RAID1 for two mirrors; \
                chattr +C where the policy checksums nothing), runs them, scrubs (the model's \
                scrubber with `btrfs scrub start -B`), and prints each invariant's kernel outcome \
                beside the model's verdict; needs root
                  fstests/            tests/btrfs/NNN, its .out and src/<program>.c, for fstests
                  <Name>Reproduction.swift  a Swift Testing test replaying the trace on the model

                Without --invariant, the first built-in invariant the policy violates is followed. \
                An invariant that holds is no error: the program then runs the scenario as the model \
                has it, and shows what a kernel with that policy should never do.

                Exit status: 0 when the files are written, 2 for bad input or usage, 4 when the \
                check failed.
                """
        )

        @Argument(help: "The model file (YAML).")
        var file: String

        @Option(help: "The policy: one the model lists, or a built-in one.")
        var policy: String

        @Option(help: "The built-in invariant whose counterexample to follow (default: the first violated).")
        var invariant: String?

        @Option(help: ArgumentHelp("The directory to write to (made if missing).", valueName: "dir"))
        var out: String

        @Option(parsing: .unconditional, help: "The number of the fstests case, tests/btrfs/<number>.")
        var fstestsNumber: Int = 900

        func validate() throws {
            guard (1...999).contains(fstestsNumber) else { throw ValidationError("--fstests-number must be 1...999") }
        }

        func run() throws {
            try OutputPath(option: "--out", path: out, kind: .directory).check()
            let reproduction: Reproduction
            do {
                reproduction = try Reproduction(checking: file, policy: policy, invariant: invariant)
            } catch let error as ReproductionError {
                throw CommandLineError.unfit("\(file): \(error)")
            }
            let written: [String]
            do {
                written = try reproduction.write(to: out, fstestsNumber: fstestsNumber)
            } catch {
                throw CommandLineError.unfit("cannot write to \(out): \(error.localizedDescription)")
            }
            if let invariant = reproduction.invariant, !reproduction.steps.isEmpty {
                print("\(reproduction.model) under \(policy): the \(reproduction.steps.count)-step counterexample to \(invariant)")
            } else {
                print("\(reproduction.model) under \(policy): no counterexample; the program runs the scenario as the model has it")
            }
            for path in written { print("  wrote \(path)") }
            print("Run it as root: \((out as NSString).appendingPathComponent("run.sh")) [--seconds S] [--policy P]")
        }
    }
}
