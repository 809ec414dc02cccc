import Extent
import Foundation
import ModelFile

/// The model files shipped in the package's `Models/` folder.
enum ModelFiles {
    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `Models/*.yaml`, loaded.
    static func all() throws -> [(name: String, scenario: Scenario)] {
        let folder = packageRoot.appendingPathComponent("Models")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try ModelFileReader.load(contentsOf: folder.appendingPathComponent($0).path)) }
    }
}
