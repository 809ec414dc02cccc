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
            #expect(fast.solver == nil && fast.search.states <= slow.search.states, "\(policy.name)")
            // Checked completions read words to branch: nothing is word-blind under them.
            #expect(!policy.observed(by: scenario).checksCompletions)
        }
        #expect(blindSearches >= 8)
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
    }
}
