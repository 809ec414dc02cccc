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
