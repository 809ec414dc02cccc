import Conformance
import ExtentCheck
import Foundation
import Reproducer
import Testing

/// The runner on this machine's kernel: root, loop devices, btrfs and a kernel with 968f19c5b1b7
/// (6.14 and later) needed, else skipped.
@Suite(
    .enabled(if: HostKernel.canRunReproducers, "needs root, losetup, mkfs.btrfs, cc, btrfs in the kernel, and Linux 6.14 or later"),
    .serialized)
struct HostKernelTests {
    @Test(
        "on a kernel with the fix, the buffered-fallback and nodatasum reproducers see no EIO, as the model says",
        arguments: ["buffered-fallback", "nodatasum"])
    func noEIO(policy: String) throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproduction = try BundledReproductions.reproduction(
            "qemu-cache-none", policy: policy)
        _ = try reproduction.write(to: directory.path, fstestsNumber: 900)
        let run = try Shell.run(["sh", directory.appendingPathComponent("run.sh").path, "--seconds", "3", "--slots", "64"])
        let lines = run.output.split(separator: "\n")
        let csum = try #require(lines.first { $0.hasPrefix("csum-matches-data") }, "\(run.output)")
        #expect(csum.contains("kernel: not-seen"), "\(run.output)")
        #expect(csum.contains("0 of 64 blocks read back EIO"), "\(run.output)")
        #expect(run.status == 0, "every invariant agrees with the model:\n\(run.output)")
    }
}

extension HostKernelTests {
    @Test("a recorded run of a NODATASUM file's O_DIRECT writer is admitted by nodatasum and refused by buffered-fallback")
    func recordedRun() throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproduction = try BundledReproductions.reproduction("qemu-cache-none", policy: "nodatasum")
        _ = try reproduction.write(to: directory.path, fstestsNumber: 900)
        let logPath = directory.appendingPathComponent("run.ndjson").path
        let run = try Shell.run(
            ["sh", directory.appendingPathComponent("run.sh").path, "--seconds", "0.2", "--slots", "4", "--record", logPath])
        #expect(run.status == 0, "\(run.output)")
        let log = try EventLog.load(contentsOf: logPath)
        #expect(log.observes.contains(.directSubmission), "\(log.recorder ?? "")")
        #expect(log.events.contains { $0.kind == .directSubmission })
        let scenario = try ExtentChecker.loadModel(at: BundledReproductions.root.appendingPathComponent("Models/qemu-cache-none.yaml").path)
        let report = try ConformanceChecker(policies: ["nodatasum", "buffered-fallback"]).check(log, against: scenario)
        #expect(report.admittingPolicies == ["nodatasum"], "\(report.policies)")
    }

    @Test("an O_DIRECT read of an intact file whose buffer another thread changes fails, as the model says")
    func directReadRace() throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproduction = try BundledReproductions.reproduction("direct-read-changing-buffer", policy: "buffered-fallback")
        _ = try reproduction.write(to: directory.path, fstestsNumber: 900)
        let run = try Shell.run(["sh", directory.appendingPathComponent("run.sh").path, "--seconds", "2", "--slots", "64"])
        let lines = run.output.split(separator: "\n")
        let reads = try #require(lines.first { $0.hasPrefix("  reads: ") }, "\(run.output)")
        #expect(reads.contains("0 buffered, 0 EIO"), "\(run.output)")
        for invariant in ["reads-succeed", "no-false-alarm"] {
            let line = try #require(lines.first { $0.hasPrefix(invariant) }, "\(run.output)")
            #expect(line.contains("kernel: violated"), "\(run.output)")
        }
        let csum = try #require(lines.first { $0.hasPrefix("csum-matches-data") }, "\(run.output)")
        #expect(csum.contains("kernel: not-seen"), "the file stays intact:\n\(run.output)")
        #expect(run.status == 0, "every invariant agrees with the model:\n\(run.output)")
    }

    @Test(
        "the program's reads see one damaged copy of a RAID1 block, directly and through the page cache",
        .enabled(if: Shell.has("filefrag", "btrfs-map-logical"), "needs filefrag and btrfs-map-logical"))
    func damagedCopyIsSeen() throws {
        let directory = try Shell.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reproduction = try BundledReproductions.reproduction("raid1-mirrors", policy: "nodatasum")
        _ = try reproduction.write(to: directory.path, fstestsNumber: 900)
        let compiled = try Shell.run(
            ["cc", "-O2", "-pthread", "-o", "program", "\(reproduction.programName).c"], in: directory)
        try #require(compiled.status == 0, "\(compiled.output)")
        // Four slots written with no race, then eight bytes of block 0's second copy overwritten.
        let script = #"""
            set -eu
            truncate -s 512M disk0 disk1
            a=$(losetup -f --show disk0)
            b=$(losetup -f --show disk1)
            trap 'umount mnt 2>/dev/null; losetup -d $a $b' EXIT
            mkfs.btrfs -f -q -d raid1 -m raid1 $a $b >/dev/null
            mkdir -p mnt
            mount $a mnt
            touch mnt/file
            chattr +C mnt/file
            ./program write mnt/file --seconds 0 --slots 4 >/dev/null
            umount mnt
            mount $a mnt
            block=$(filefrag -v mnt/file | awk '$1 == "0:" { print $4 }' | tr -d '.:')
            umount mnt
            second=$(btrfs-map-logical -l $((block * 4096)) -b 4096 $a | awk '$1 == "mirror" && $2 == 2 { print $6, $8 }')
            set -- $second
            printf 'XXXXXXXX' | dd of=$2 bs=1 seek=$1 conv=notrunc status=none
            mount $a mnt
            ./program read mnt/file --slots 4
            ./program read mnt/file --slots 4 --buffered
            """#
        let run = try Shell.run(["sh", "-c", script], in: directory)
        #expect(run.status == 0, "\(run.output)")
        let differ = run.output.split(separator: "\n").filter { $0.hasPrefix("mirrors-differ=") }
        #expect(differ == ["mirrors-differ=1", "mirrors-differ=1"], "\(run.output)")
    }
}

enum HostKernel {

    static var canRunReproducers: Bool {
        guard getuid() == 0, Shell.has("losetup", "mkfs.btrfs", "btrfs", "cc", "chattr", "lsattr"),
            FileManager.default.fileExists(atPath: "/dev/loop-control"),
            let release = try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)
        else { return false }
        let version = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard version.count == 2, (version[0], version[1]) >= (6, 14) else { return false }
        let filesystems = (try? String(contentsOfFile: "/proc/filesystems", encoding: .utf8)) ?? ""
        return filesystems.contains("btrfs") || (try? Shell.run(["modprobe", "btrfs"]).status) == 0
    }
}
