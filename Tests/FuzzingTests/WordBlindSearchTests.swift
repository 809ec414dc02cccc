import Extent
import ExtentCheck
@testable import Fuzzing
import Testing

/// A reducing fuzz run decides invariants that read no word, on workloads whose steps read none to
/// branch, with one value for every word: the verdicts must be the symbolic search's.
@Suite struct WordBlindSearchTests {
    static let geometry = Geometry(blocks: 2, blockWords: 1, wordBits: 32, mirrors: 2)
    static let workloads: [Workload] = [
        // A buffered write and its writeback, while the folio changes (unstable pages) or waits.
        Workload(geometry: geometry, writers: [[.bufferedWrite(at: 0, blocks: 2), .fsync]], mutators: [.init(target: .pageCache, budget: 2)]),
        // O_DIRECT over a changing buffer, then a buffered write of the same block.
        Workload(geometry: geometry, writers: [[.directWrite(at: 0, blocks: 1), .bufferedWrite(at: 0, blocks: 1)]], mutators: [.init(target: .writerBuffer(0), budget: 1)]),
        // Two writers, one rewriting a folio the other's write dirtied.
        Workload(geometry: geometry, writers: [[.bufferedWrite(at: 1, blocks: 1)], [.directWrite(at: 0, blocks: 2), .fsync]]),
    ]
    static let bounds = WorkloadBounds(blocks: 2, mirrors: 2, writers: 2, scriptSteps: 2, mutators: 1, budget: 2)

    @Test("word-blind verdicts are the symbolic search's, for every built-in policy", arguments: workloads.indices)
    func wordBlindVerdictsAreTheSymbolicOnes(workload index: Int) throws {
        let workload = Self.workloads[index]
        let invariants = Self.bounds.builtInInvariants
        var reducing = Fuzzer(policies: Policy.builtIn, invariants: invariants, bounds: Self.bounds)
        var symbolic = reducing
        symbolic.reduces = false
        reducing.reduces = true
        var blindSearches = 0
        for policy in Policy.builtIn {
            let scenario = reducing.scenario(of: workload, policies: [policy], invariants: invariants)
            let blind = invariants.filter { reducing.isWordBlind(scenario, for: $0) }
            guard !blind.isEmpty else { continue }
            blindSearches += 1
            let fast = try reducing.check(workload, under: policy, for: blind, reductions: [])
            let slow = try symbolic.check(workload, under: policy, for: blind, reductions: [])
            #expect(fast.results.map(\.verdict) == slow.results.map(\.verdict), "\(policy.name)")
            #expect(fast.searches.allSatisfy { $0.solver == nil } && fast.states <= slow.states, "\(policy.name)")
            // Checked completions read words to branch: nothing is word-blind under them.
            #expect(!policy.observed(by: scenario).checksCompletions)
        }
        #expect(blindSearches >= 8)
    }

    @Test("reduced verdicts are the symbolic search's, for every built-in policy and invariant", arguments: workloads.indices)
    func reducedVerdictsAreTheSymbolicOnes(workload index: Int) throws {
        let invariants = Self.bounds.builtInInvariants
        let reducing = Fuzzer(policies: Policy.builtIn, invariants: invariants, bounds: Self.bounds)
        var symbolic = reducing
        symbolic.reduces = false
        for policy in Policy.builtIn {
            let fast = try reducing.check(Self.workloads[index], under: policy, for: invariants, reductions: [])
            let slow = try symbolic.check(Self.workloads[index], under: policy, for: invariants, reductions: [])
            #expect(fast.results.map(\.verdict) == slow.results.map(\.verdict), "\(policy.name)")
        }
    }

    @Test("under a device guard, the invariants other than writes-succeed need no symbolic search", arguments: workloads.indices)
    func guardedInvariantsNeedNoSolver(workload index: Int) throws {
        let invariants = Self.bounds.builtInInvariants.filter { $0 != .writesSucceed }
        let reducing = Fuzzer(policies: Policy.builtIn, invariants: invariants, bounds: Self.bounds)
        var symbolic = reducing
        symbolic.reduces = false
        for name in ["pi-guard", "pi-guard-bounce", "pi-guard-unstable"] {
            let policy = Policy.builtIn(named: name)!
            let fast = try reducing.check(Self.workloads[index], under: policy, for: invariants, reductions: [])
            let slow = try symbolic.check(Self.workloads[index], under: policy, for: invariants, reductions: [])
            #expect(fast.results.map(\.verdict) == slow.results.map(\.verdict), "\(name)")
            #expect(fast.searches.allSatisfy { $0.solver == nil } && fast.states < slow.states, "\(name)")
        }
    }

    @Test("a violation found with every check's outcomes is searched again symbolically, and stands")
    func overApproximatedViolationsAreSearchedAgain() throws {
        // A guarded device, but O_DIRECT bios without checksums: the direct write stores blocks
        // unchecked while writebacks are checked.
        var policy = Policy.builtIn(named: "pi-guard")!
        policy.name = "pi-guard-unchecked-dio"
        policy.directIOChecksum = false
        let workload = Workload(
            geometry: Self.geometry, writers: [[.bufferedWrite(at: 0, blocks: 1), .directWrite(at: 1, blocks: 1)]],
            mutators: [.init(target: .pageCache, budget: 1)])
        let fuzzer = Fuzzer(policies: [policy], invariants: [.checksummed, .noDeadlock], bounds: Self.bounds)
        let scenario = fuzzer.scenario(of: workload, policies: [policy], invariants: [])
        #expect(fuzzer.isWordBlindButForChecks(scenario, for: .checksummed))
        let verdicts = try fuzzer.check(workload, under: policy, for: [.checksummed, .noDeadlock], reductions: [])
        #expect(verdicts.results.map(\.verdict) == [.violated, .holds])
        #expect(verdicts.searches.count == 2 && verdicts.searches[1].results.map(\.property) == ["checksummed"])
        #expect(verdicts.searches[1].solver != nil)
    }

    @Test("invariants that read words stay symbolic where the policy checksums")
    func wordsReadStaySymbolic() {
        let fuzzer = Fuzzer(policies: Policy.builtIn, invariants: Self.bounds.builtInInvariants, bounds: Self.bounds)
        let policy = Policy.builtIn(named: "unstable-pages")!
        let scenario = fuzzer.scenario(of: Self.workloads[0], policies: [policy], invariants: [])
        #expect(!fuzzer.isWordBlind(scenario, for: .csumMatchesData))
        #expect(!fuzzer.isWordBlind(scenario, for: .mirrorsAgree))
        #expect(fuzzer.isWordBlind(scenario, for: .checksummed) && fuzzer.isWordBlind(scenario, for: .noDeadlock))
        // A policy that checksums nothing has no stored checksum to compare.
        let nodatasum = Policy.builtIn(named: "nodatasum-unstable")!
        #expect(fuzzer.isWordBlind(fuzzer.scenario(of: Self.workloads[0], policies: [nodatasum], invariants: []), for: .csumMatchesData))
        // A property stated in Swift may read words whatever its name.
        let impostor = ExtentProperty.always(ExtentProperty.checksummed.name, meaning: "reads words") { _ in [] }
        #expect(!fuzzer.isWordBlind(scenario, for: impostor))
    }
}
