#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The memory this process holds in RAM, as `--memory-limit` measures it.
@_spi(Search) public enum ResidentMemory {
    /// The resident set size in bytes: now on Linux (`/proc/self/statm`), the peak so far elsewhere;
    /// nil where it cannot be read.
    @_spi(Search) public static func bytes() -> Int? {
        #if os(Linux)
            let descriptor = open("/proc/self/statm", O_RDONLY)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 128)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            // "size resident shared ...", in pages.
            let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
            guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            var usage = rusage()
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
    }

    /// `bytes` as people write sizes: `512 MiB`, `2 GiB`, `1.5 GiB`.
    @_spi(Search) public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let text = value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
        return "\(text) \(units[unit])"
    }

    /// Parses a size as the command line takes it: a number with an optional unit, `K`, `M`, `G` or
    /// `T` (powers of 1024, also written `KiB`, `MB`, ...), e.g. `512M`, `2G`, `1.5GiB`; nil if it is none.
    @_spi(Search) public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingPrefixAndSuffixSpaces
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        var unit = trimmed.dropFirst(number.count).uppercased()
        if unit.hasSuffix("IB") { unit.removeLast(2) } else if unit.hasSuffix("B") { unit.removeLast() }
        let powers = ["": 0, "K": 1, "M": 2, "G": 3, "T": 4]
        guard let value = Double(number), value > 0, let power = powers[unit] else { return nil }
        let bytes = value * Double(1 << (10 * power))
        return bytes < 1 || bytes > Double(Int.max / 2) ? nil : Int(bytes)
    }
}

extension String {
    fileprivate var trimmingPrefixAndSuffixSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
