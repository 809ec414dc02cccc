// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "extentcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "extentcheck", targets: ["extentcheck"]),
        .library(name: "ExtentCheck", targets: ["ExtentCheck", "Fuzzing", "Conformance"]),
        .library(name: "ExtentCheckTesting", targets: ["ExtentCheckTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation --target ExtentCheck`; no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // libz3 from the system (Debian: libz3-dev). Only Z3Kit imports it.
        .systemLibrary(
            name: "CZ3",
            pkgConfig: "z3",
            providers: [.apt(["libz3-dev"]), .brew(["z3"])]
        ),
        // Swift over the Z3 C API: terms, solvers, models. Knows nothing of storage.
        .target(name: "Z3Kit", dependencies: ["CZ3"]),
        // Cache prefetches, which Swift cannot spell, and tables mapped from the system: the seen set.
        .target(name: "CMemory"),
        // Generic explicit-state search. Knows nothing of Z3 or storage.
        .target(name: "Explorer", dependencies: ["CMemory"]),
        // The extent model of the contract: states, steps, policies, invariants.
        .target(name: "Extent", dependencies: ["Explorer", "Z3Kit"]),
        // YAML model files to extent models, with file/line/key errors.
        .target(
            name: "ModelFile",
            dependencies: ["Extent", .product(name: "Yams", package: "Yams")]
        ),
        // The public API: check a model, read the results, render reports.
        .target(name: "ExtentCheck", dependencies: ["Extent", "ModelFile", "Explorer"]),
        // A scenario as a Promela model for SPIN, and SPIN's figures on it: an independent second opinion.
        .target(name: "Promela", dependencies: ["Extent"]),
        // A counterexample as programs that race a real kernel: C, a runner, an fstests case, a Swift test.
        // The C program and the runner are resources, all but the part each takes from the model.
        // SwiftPM's generated Bundle.module accessor imports Foundation with no access level: imports
        // are internal by default here so that it agrees with the target's `internal import`s.
        .target(
            name: "Reproducer", dependencies: ["ExtentCheck"],
            // Built into the binary, so that an installed extentcheck needs no bundle beside it.
            resources: [.embedInCode("Resources/program.c"), .embedInCode("Resources/run.sh")]
        ),
        // Workloads generated within bounds, checked one by one, the first violating one shrunk.
        .target(name: "Fuzzing", dependencies: ["ExtentCheck", "Explorer"]),
        // Conformance: a real kernel's logged run checked against the model (docs/conformance.md).
        .target(name: "Conformance", dependencies: ["ExtentCheck", "Extent", "ModelFile", "Explorer"]),
        // Workload generators with shrinking for Swift Testing's property checks. Links Swift
        // Testing, so nothing else depends on it.
        .target(
            name: "ExtentCheckTesting",
            dependencies: ["Fuzzing", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // The command-line shell.
        .executableTarget(
            name: "extentcheck",
            dependencies: [
                "ExtentCheck", "Fuzzing", "Conformance", "Promela", "Reproducer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The scaled model family and its figures; run with `swift run -c release extentcheck-bench`.
        .executableTarget(
            name: "extentcheck-bench",
            dependencies: ["ExtentCheck", "Conformance", "Promela"],
            path: "Benchmarks",
            exclude: ["Models", "compare-revisions"]
        ),
        .testTarget(name: "Z3KitTests", dependencies: ["Z3Kit"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer"]),
        .testTarget(name: "ExtentTests", dependencies: ["Extent", "ModelFile", "Z3Kit"]),
        .testTarget(name: "ReproducerTests", dependencies: ["Reproducer", "ExtentCheck", "Conformance"]),
        // Tests written by `extentcheck reproduce`, kept as it writes them: ReproducerTests checks they still are.
        .testTarget(name: "ReproducedTraceTests", dependencies: ["ExtentCheck"]),
        .testTarget(name: "ModelFileTests", dependencies: ["ModelFile", "Extent"]),
        .testTarget(
            name: "ExtentCheckTests", dependencies: ["ExtentCheck", "Promela", "extentcheck"], exclude: ["Snapshots", "Fixtures"]),
        // Properties stated as a user states them: the library products only, no @testable.
        .testTarget(
            name: "ExtentCheckAPITests",
            dependencies: [
                "ExtentCheck", "ExtentCheckTesting", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "ExtentCheck"]),
        .testTarget(
            name: "FuzzingTests",
            dependencies: [
                "Fuzzing", "ModelFile", "ExtentCheckTesting", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
