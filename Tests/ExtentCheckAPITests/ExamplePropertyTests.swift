import ExtentCheck
import Testing

/// The four example properties, under each policy of the contract's §3, on the seed's bundled models.
///
/// Each table lists the (model, policy) pairs where the property takes its rarer verdict; every other
/// pair takes the other one. The reasons are in the article "Your first property"
/// (`Sources/ExtentCheck/ExtentCheck.docc/YourFirstProperty.md`).
@Suite("Example properties on the bundled models")
struct ExamplePropertyTests {
    /// Asserts that `property` is `rare` exactly on `pairs` ("model/policy"), and `common` elsewhere.
    func expectVerdicts(
        of property: ExtentProperty, _ rare: Verdict, exactlyOn pairs: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let common: Verdict = rare == .violated ? .holds : .violated
        var seen = Set<String>()
        for model in BundledModels.names {
            for (policy, verdicts) in try BundledModels.exampleVerdicts(model) {
                let pair = "\(model)/\(policy)"
                seen.insert(pair)
                let expected = pairs.contains(pair) ? rare : common
                #expect(verdicts[property.name] == expected, "\(property) on \(pair)", sourceLocation: sourceLocation)
            }
        }
        #expect(pairs.isSubset(of: seen), "pairs the table names but no model checks", sourceLocation: sourceLocation)
    }

    @Test("no fabricated data: every policy stores only what a source held")
    func noFabricatedData() throws {
        try expectVerdicts(of: ExampleProperties.noFabricatedData, .violated, exactlyOn: [])
    }

    @Test("durable on return: broken by an mmap writer or a second writer, under every policy")
    func durableOnReturn() throws {
        let everyPolicy = BundledModels.seedPolicies
        try expectVerdicts(
            of: ExampleProperties.durableOnReturn, .violated,
            exactlyOn: Set(everyPolicy.flatMap { ["mmap-during-writeback/\($0)", "two-writers/\($0)"] }))
    }

    @Test("quiescent agreement: broken where data reaches the disk unlike its checksum or its other mirror")
    func quiescentAgreement() throws {
        try expectVerdicts(
            of: ExampleProperties.quiescentAgreement, .violated,
            exactlyOn: [
                "qemu-cache-none/dio-csum", "threaded-dio/dio-csum", "raid1-mirrors/dio-csum",
                // Direct writes without checksums still read the buffer once per mirror.
                "raid1-mirrors/nodatasum", "raid1-mirrors/dio-skip-csum", "raid1-mirrors/nodatasum-mount",
                // Folios change under writeback: an mmap writer, or a second writer's buffered write.
                "mmap-during-writeback/unstable-pages", "two-writers/unstable-pages",
            ])
    }

    /// Where a source changes between a bio's `csum` and its `dma`: a live user buffer under `dio-csum`,
    /// a folio under writeback that may change under `unstable-pages`.
    static let racePairs: Set<String> = [
        "qemu-cache-none/dio-csum", "threaded-dio/dio-csum", "raid1-mirrors/dio-csum",
        "mmap-during-writeback/unstable-pages", "two-writers/unstable-pages",
    ]

    @Test("race window: reachable under dio-csum and unstable pages, never under the fix")
    func raceWindow() throws {
        try expectVerdicts(of: ExampleProperties.raceWindow, .witnessed, exactlyOn: Self.racePairs)
    }

    @Test("checksum follows data: broken exactly where the race window is reachable")
    func checksumFollowsData() throws {
        try expectVerdicts(of: ExampleProperties.checksumFollowsData, .violated, exactlyOn: Self.racePairs)
    }

    @Test(
        "a condition of two comparisons is one question: symbolic data finds what concrete:2 finds, at the same depth",
        arguments: racePairs.sorted())
    func twoComparisonsNeedOneValuation(pair: String) throws {
        let (model, policy) = (String(pair.split(separator: "/")[0]), String(pair.split(separator: "/")[1]))
        var lengths: [DataMode: Int] = [:]
        for data in [DataMode.symbolic, .concrete(2)] {
            var scenario = try ExtentChecker.loadModel(at: BundledModels.path(model))
            scenario.data = data
            let checker = ExtentChecker(
                options: CheckOptions(policies: [policy], properties: [ExampleProperties.checksumFollowsData.name]),
                properties: [ExampleProperties.checksumFollowsData])
            let result = try #require(try checker.check(scenario).policies.first?.result(of: "checksum-follows-data"))
            #expect(result.verdict == .violated, "\(data)")
            lengths[data] = result.trace?.steps.count
        }
        #expect(lengths[.symbolic] != nil && lengths[.symbolic] == lengths[.concrete(2)], "\(lengths)")
        // The seed's five steps, one dma more for the second mirror.
        if policy == "dio-csum", model != "threaded-dio" { #expect(lengths[.symbolic] == (model == "raid1-mirrors" ? 6 : 5)) }
    }

    @Test("the race window's example is the seed's race up to the device's read")
    func raceWindowExample() throws {
        let result = try ExtentChecker().expect(
            ExampleProperties.raceWindow, .holds, in: BundledModels.path("qemu-cache-none"), under: "dio-csum")
        let trace = try #require(result.trace)
        #expect(trace.steps.map(\.step) == ["dio-write guest-page at 0 len 1 (direct)", "csum bio qemu block 0", "mutate guest-page word 0"])
        #expect(trace.conclusion.hasPrefix("bio qemu summed block 0 as 0x"), "\(trace.conclusion)")
        // The values are Z3's: the summed word and the changed word differ.
        let changed = try #require(trace.steps[2].changes.first { $0.what == "guest-page block 0" })
        #expect(changed.before != changed.after)
        #expect(trace.conclusion.contains("as \(changed.before!)") && trace.conclusion.contains("holds \(changed.after!)"))
    }

    @Test("a property that mistakes the live buffer for what the device received is caught under dio-csum")
    func aWrongPropertyIsCaught() throws {
        let storesTheBufferNow = ExtentProperty.onEveryTransition(
            "stores-the-buffer-now", meaning: "a complete stored other data than its buffer holds at completion"
        ) { before, step in
            guard step.kind == .complete, let owner = step.bio, let bio = before.bio(of: owner),
                case .buffer(let name) = bio.source, let buffer = before.buffer(named: name)
            else { return [] }
            let stored = try step.after.stored[bio.fileBlocks.lowerBound].mirror(0)
            return [Finding(when: try stored != buffer.block(0), "\(step) stored what the buffer no longer holds")]
        }
        let path = BundledModels.path("qemu-cache-none")
        try ExtentChecker().expect(storesTheBufferNow, .violated, in: path, under: "dio-csum")
        // Without a mutator nothing changes the buffer, and the same property holds.
        try ExtentChecker().expect(storesTheBufferNow, .holds, in: BundledModels.path("no-mutator"), under: "dio-csum")
    }
}

extension ExamplePropertyTests {
    @Test("under the designs that check writes, a failed write is not durable, and nothing is fabricated")
    func checkedWrites() throws {
        let checker = ExtentChecker()
        let checks = BundledModels.root.appendingPathComponent("Models/dio-checks.yaml").path
        for policy in ["dio-verify", "pi-guard"] {
            try checker.expect(ExampleProperties.durableOnReturn, .violated, in: checks, under: policy)
            try checker.expect(ExampleProperties.noFabricatedData, .holds, in: checks, under: policy)
        }
        for policy in ["dio-pinned", "pi-guard-bounce", "dio-bounce"] {
            try checker.expect(ExampleProperties.durableOnReturn, .holds, in: checks, under: policy)
        }
    }
}

extension ExamplePropertyTests {
    @Test("a crash fabricates nothing: what it leaves on the disk a bio received, or a resync copied")
    func crashesFabricateNothing() throws {
        let checker = ExtentChecker(options: CheckOptions(crashes: 1))
        for model in ["crash-torn-copies", "nodatasum-raid1-mmap-crash", "raid1-mirrors", "mmap-during-writeback"] {
            let path = BundledModels.path(model)
            for policy in try ExtentChecker.loadModel(at: path).policies.map(\.name) + ["md-raid1"] {
                try checker.expect(ExampleProperties.noFabricatedData, .holds, in: path, under: policy)
            }
        }
    }
}
