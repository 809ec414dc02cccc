import Foundation

/// The model files the repository ships, found from this file's location.
enum BundledModelFiles {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folders of bundled models, from the root.
    static let folders = ["Models", "Benchmarks/Models"]

    /// Every bundled model as a path from the root (`Models/qemu-cache-none.yaml`), by folder, then name.
    static let paths: [String] = folders.flatMap { folder in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The text of the file at `path` from the root.
    static func text(of path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
