public import CMemory

extension Checker {
    /// What a level search does with the states of a level.
    @usableFromInline
    enum LevelPass {
        /// Judges them and expands them.
        case expand
        /// Judges them, and looks at their successors only to tell whether the depth limit kept any out.
        case probe
        /// Judges them only: the states a limit left unexpanded.
        case judge
    }

    /// What expanding one segment found: the successors not seen before the level began, in the order
    /// the segment's states reached them; on one thread, numbered as they were found, or else with
    /// where each came from and their keys, to be inserted and numbered; and the segment's findings.
    @usableFromInline
    struct Expansion<Batch: StateBatch, Key> {
        @usableFromInline var successors = Batch()
        /// The number of the first successor, where they were numbered as they were found.
        @usableFromInline var first: UInt32 = 0
        /// The state limit, if it kept a successor found on one thread from being numbered.
        @usableFromInline var stateLimit: SearchLimit?
        @usableFromInline var keys: [Key] = []
        @usableFromInline var parents: [UInt32] = []
        @usableFromInline var choices: [UInt32] = []
        @usableFromInline var findings: [PropertyProgress]
        @usableFromInline var transitions = 0
        /// The steps taken, per coverage key, when the search counts coverage.
        @usableFromInline var coverage = CoverageTally<System.CoverageKey>()
        /// Beside `parents`, the coverage key of the step that reached each successor, when the
        /// search counts coverage.
        @usableFromInline var reachedBy: [System.CoverageKey?] = []
        /// Whether a successor the depth limit kept out was one never seen.
        @usableFromInline var reachesPastDepthLimit = false
        /// The limit that stopped the expansion before its end, if one did.
        @usableFromInline var stop: SearchLimit?

        @inlinable
        init(findings: [PropertyProgress]) { self.findings = findings }
    }

    /// A breadth-first search one level at a time, on one thread per checker of `self` and `helpers`.
    ///
    /// Each level is cut into segments that the threads expand at once, looking up successors in the
    /// seen set as it was when the level began. The new successors are then inserted, each thread
    /// owning part of the seen set, and numbered in the order of the segments: the order a search on
    /// one thread would have reached them in. States are numbered as that search numbers them, and
    /// judged when expanded, so counts, verdicts and paths do not depend on the number of threads.
    @inlinable
    func levelSearch<Seen: SeenStates, Batch: StateBatch>(
        seen: Seen, batch: Batch.Type, helpers: [Checker]
    ) -> SearchOutcome<System.State, System.Action>
    where Seen.State == System.State, Batch.State == System.State {
        let workers = [self] + helpers
        var log = DiscoveryLog(reference: .previousParent)
        let clock = ContinuousClock()
        let start = clock.now
        var statistics = SearchStatistics()
        var coverage = CoverageTally<System.CoverageKey>()
        var findings = [PropertyProgress](repeating: PropertyProgress(), count: properties.count)
        let stops = SearchStops(options: options, start: start)
        let bounds = SearchBounds(options: options)

        var initial = Batch()
        var limit = seed(seen, log: &log, statistics: &statistics, bounds: bounds) { state, _ in initial.append(state) }
        var level = LevelSegment.split(initial, first: 0, size: options.segmentSize)
        var depth = 0
        let lastReport = Locked(start)

        while !level.isEmpty {
            let pass: LevelPass =
                if limit != nil { .judge } else if !bounds.expands(depth: depth) { .probe } else { .expand }
            var figuresSoFar = statistics
            figuresSoFar.states = log.count
            var (expansions, direct, stop) = expand(
                consume level, pass: pass, seen: seen, findings: findings, workers: workers, stops: stops, bounds: bounds,
                log: &log,
                watch: {
                    watchBeforeSegment(stops: stops, bounds: bounds, figures: figuresSoFar, start: start, lastReport: lastReport)
                })
            level = []
            merge(expansions, into: &findings, statistics: &statistics, coverage: &coverage)
            if expansions.contains(where: \.reachesPastDepthLimit), let depthLimit = bounds.depthLimit { limit = depthLimit }
            if let stop {
                limit = stop
                break
            }
            guard pass == .expand else { break }

            let next = nextLevel(
                from: &expansions, direct: direct, seen: seen, workers: workers.count, log: &log, bounds: bounds,
                coverage: &coverage)
            level = next.segments
            if let stop = next.limit { limit = stop }
            // A large level leaves the heap free memory (on several threads, its successors' keys,
            // parents and choices, kept until they were numbered): it goes back to the system.
            if level.reduce(0, { $0 + $1.range.count }) >= Self.levelWorthTrimming { heap_trim() }
            if !level.isEmpty {
                depth += 1
                statistics.maxDepth = depth
            }
        }

        statistics.states = log.count
        statistics.seconds = Double(clock.now - start)
        return outcome(of: findings, log: log, statistics: statistics, limit: limit, coverage: coverage)
    }

    /// The states of a level from which the heap memory it leaves free is worth giving back.
    @inlinable
    static var levelWorthTrimming: Int { 1 << 16 }

    /// What a level search asks each time a thread takes a segment: why it stops there, if it does
    /// (one of `stops`, or the memory limit of `bounds`). Otherwise reports `figures`, with the time
    /// since `start`, to the options' progress, if a report is due since `lastReport`.
    @inlinable
    func watchBeforeSegment(
        stops: SearchStops, bounds: SearchBounds, figures: SearchStatistics, start: ContinuousClock.Instant,
        lastReport: Locked<ContinuousClock.Instant>
    ) -> SearchLimit? {
        if let stop = stops.reached() { return stop }
        let now = ContinuousClock.now
        if let stop = bounds.memoryLimitReached() { return stop }
        if let report = options.progress {
            lastReport.withLock { last in
                guard now - last >= options.progressInterval else { return }
                last = now
                var figures = figures
                figures.seconds = Double(now - start)
                report(figures)
            }
        }
        return nil
    }

    /// Adds what `expansions` found, in their order, to `findings` (the first discovery of each
    /// property and its first reason to be unknown), their transitions to `statistics` and, when the
    /// search counts coverage, to `coverage`.
    @inlinable
    func merge<Batch: StateBatch, Key>(
        _ expansions: [Expansion<Batch, Key>], into findings: inout [PropertyProgress], statistics: inout SearchStatistics,
        coverage: inout CoverageTally<System.CoverageKey>
    ) {
        for expansion in expansions {
            statistics.transitions += expansion.transitions
            if options.countsCoverage { coverage.add(expansion.coverage) }
            for index in findings.indices {
                if findings[index].discovery == nil { findings[index].discovery = expansion.findings[index].discovery }
                findings[index].unknownReason = findings[index].unknownReason ?? expansion.findings[index].unknownReason
            }
        }
    }

    /// The next level: the successors of `expansions` new to `seen`, numbered in `log` in the order
    /// of the expansions, which give up their successors to it; and the limit that cut it short, if
    /// one did. Successors found on one thread (`direct`) were inserted and numbered as they were
    /// found, in order; those found on several are inserted now, in order, on up to `workers` threads,
    /// unless that could take the process to the memory limit of `bounds` (then the level is empty),
    /// and numbered, the states numbered counted in `coverage` when the search counts coverage.
    @inlinable
    func nextLevel<Seen: SeenStates, Batch: StateBatch>(
        from expansions: inout [Expansion<Batch, Seen.Key>], direct: Bool, seen: Seen, workers: Int, log: inout DiscoveryLog,
        bounds: SearchBounds, coverage: inout CoverageTally<System.CoverageKey>
    ) -> (segments: [LevelSegment<Batch>], limit: SearchLimit?) {
        if direct {
            let segments = expansions.flatMap { LevelSegment.split($0.successors, first: $0.first, size: options.segmentSize) }
            return (segments, expansions.lazy.compactMap(\.stateLimit).first)
        }
        let keys = expansions.map(\.keys)
        if let stop = bounds.memoryLimit(inserting: keys, into: seen) { return ([], stop) }
        let isNew = seen.insert(batches: keys, workers: workers)
        return number(&expansions, isNew: isNew, log: &log, bounds: bounds, coverage: &coverage)
    }

    /// The successors of `expansions` that `isNew` says are new, numbered in `log` in the order of
    /// the expansions, which give up their successors to them, and cut into segments. Ends with the
    /// expansion in which the state limit of `bounds` kept one out, and returns that limit. When the
    /// search counts coverage, counts each numbered state in `coverage` under the key of the step
    /// that reached it.
    ///
    /// Inlined into the level search, whose loop it was, so that it is compiled as it was there.
    @inlinable @inline(__always)
    func number<Batch: StateBatch, Key>(
        _ expansions: inout [Expansion<Batch, Key>], isNew: [[Bool]], log: inout DiscoveryLog, bounds: SearchBounds,
        coverage: inout CoverageTally<System.CoverageKey>
    ) -> (segments: [LevelSegment<Batch>], limit: SearchLimit?) {
        var next: [LevelSegment<Batch>] = []
        for place in expansions.indices {
            // Taken out of the array, so that its successors are kept without a copy.
            var expansion = Expansion<Batch, Key>(findings: [])
            swap(&expansion, &expansions[place])
            let first = UInt32(log.count)
            var kept = 0
            var limit: SearchLimit?
            for index in expansion.parents.indices where isNew[place][index] {
                if let stop = bounds.stateLimit(reachedAt: log.count) {
                    limit = stop
                    break
                }
                _ = log.append(parent: expansion.parents[index], choice: Int(expansion.choices[index]))
                kept += 1
            }
            if options.countsCoverage {
                countFirstReached(kept, of: expansion.reachedBy, isNew: isNew[place], into: &coverage)
            }
            var left = kept
            expansion.successors.retain { index in
                guard left > 0, isNew[place][index] else { return false }
                left -= 1
                return true
            }
            next += LevelSegment.split(expansion.successors, first: first, size: options.segmentSize)
            if let limit { return (next, limit) }
        }
        return (next, nil)
    }

    /// Counts in `coverage` the first `count` successors `isNew` says are new, each under
    /// `reachedBy`'s key of the step that reached it.
    @inlinable
    func countFirstReached(
        _ count: Int, of reachedBy: [System.CoverageKey?], isNew: [Bool], into coverage: inout CoverageTally<System.CoverageKey>
    ) {
        var left = count
        for index in reachedBy.indices where isNew[index] {
            guard left > 0 else { return }
            coverage.countState(reachedBy[index])
            left -= 1
        }
    }

    /// The segments of `level` passed over by the threads of `workers`, each taking the next segment
    /// not yet taken, and their expansions in the segments' order; whether they ran on one thread,
    /// inserting their successors into `seen` and numbering them in `log`; and the limit `watch`
    /// reported, if it stopped them (it is asked each time a thread takes a segment), or what `stops`
    /// or `bounds` reported inside a segment.
    @inlinable
    func expand<Seen: SeenStates, Batch: StateBatch>(
        _ level: consuming [LevelSegment<Batch>], pass: LevelPass, seen: Seen, findings: [PropertyProgress], workers: [Checker],
        stops: SearchStops, bounds: SearchBounds, log: inout DiscoveryLog, watch: () -> SearchLimit?
    ) -> (expansions: [Expansion<Batch, Seen.Key>], direct: Bool, stop: SearchLimit?)
    where Seen.State == System.State, Batch.State == System.State {
        let count = level.count
        let threads = min(workers.count, count)
        // Each segment is taken out as it is expanded, so that its states are freed once it is done.
        let segments = UnsafeMutableBufferPointer<LevelSegment<Batch>?>.allocate(capacity: count)
        _ = segments.initialize(from: level.lazy.map { $0 })
        level = []
        defer {
            _ = segments.deinitialize()
            segments.deallocate()
        }
        guard threads > 1 else {
            var expansions: [Expansion<Batch, Seen.Key>] = []
            for index in 0..<count {
                if let stop = watch() { return (expansions, true, stop) }
                let expansion = expand(
                    segments[index].take()!, pass: pass, seen: seen, lookup: .insert, findings: findings, stops: stops,
                    bounds: bounds, log: &log)
                expansions.append(expansion)
                if let stop = expansion.stop { return (expansions, true, stop) }
            }
            return (expansions, true, nil)
        }
        let (expansions, stop) = expandConcurrently(
            segments, threads: threads, pass: pass, seen: seen, findings: findings, workers: workers, stops: stops,
            bounds: bounds, watch: watch)
        return (expansions, false, stop)
    }

    /// The segments of `segments`, taken out of it, expanded on `threads` threads, each thread taking
    /// the next segment not yet taken and looking successors up in `seen` without inserting them; as
    /// `expand(_:pass:seen:findings:workers:stops:bounds:watch:)` does.
    @inlinable
    func expandConcurrently<Seen: SeenStates, Batch: StateBatch>(
        _ segments: UnsafeMutableBufferPointer<LevelSegment<Batch>?>, threads: Int, pass: LevelPass, seen: Seen,
        findings: [PropertyProgress], workers: [Checker], stops: SearchStops, bounds: SearchBounds, watch: () -> SearchLimit?
    ) -> (expansions: [Expansion<Batch, Seen.Key>], stop: SearchLimit?)
    where Seen.State == System.State, Batch.State == System.State {
        let count = segments.count
        let results = UnsafeMutableBufferPointer<Expansion<Batch, Seen.Key>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let claims = Locked((next: 0, stop: SearchLimit?.none))
        runConcurrently(threads: threads) { thread in
            // The successors this thread has kept: it keeps each once, the first time it finds it, and
            // takes segments in order, so the first finding of each in the level's order is kept.
            let kept = Seen(lastsTheSearch: false)
            // Nothing is numbered while the level is shared.
            var unnumbered = DiscoveryLog()
            while true {
                let index: Int? = claims.withLock { claims in
                    guard claims.stop == nil, claims.next < count else { return nil }
                    if let stop = watch() {
                        claims.stop = stop
                        return nil
                    }
                    defer { claims.next += 1 }
                    return claims.next
                }
                guard let index else { return }
                let expansion = workers[thread].expand(
                    segments[index].take()!, pass: pass, seen: seen, lookup: .filter(kept), findings: findings,
                    stops: stops, bounds: bounds, log: &unnumbered)
                results[index] = expansion
                // A segment cut short by the deadline or a cancellation stops the level: no thread takes another.
                if let stop = expansion.stop {
                    claims.withLock { claims in claims.stop = claims.stop ?? stop }
                    return
                }
            }
        }
        // A stop leaves later segments undone, and perhaps one taken before it still running: only the
        // expansions up to the first missing one are kept, so the order holds.
        let expansions = Array(results.prefix { $0 != nil }.map { $0! })
        return (expansions, claims.withLock { $0.stop })
    }

    /// Passes over the states of `segment`: judges each (properties found violated in `findings`
    /// are not judged again) and, as `pass` says, expands it, keeping the successors `lookup` lets
    /// through; a lookup that inserts numbers them in `log`. Once one of `stops` is reached (polled
    /// every 16 states), it stops before the next state; once inserting a successor could reach the
    /// memory limit of `bounds`, before the next successor. When the search counts coverage, counts
    /// each step, and each successor numbered or the key of each kept.
    @inlinable
    func expand<Seen: SeenStates, Batch: StateBatch>(
        _ segment: LevelSegment<Batch>, pass: LevelPass, seen: Seen, lookup: SuccessorLookup<Seen>, findings: [PropertyProgress],
        stops: SearchStops, bounds: SearchBounds, log: inout DiscoveryLog
    ) -> Expansion<Batch, Seen.Key>
    where Seen.State == System.State, Batch.State == System.State {
        var expansion = Expansion<Batch, Seen.Key>(findings: findings)
        expansion.first = UInt32(log.count)
        let (stateProperties, transitionJudges) = (stateProperties, transitionJudges)
        guard !segment.range.isEmpty else { return expansion }
        var cursor = segment.states.cursor(at: segment.range.lowerBound)
        var state = segment.states.state(at: &cursor)
        // Where the system builds successors: one buffer for the segment.
        var scratch = state
        // A state's successors are held here, and their keys' memory fetched, while the rest are
        // built; then they are looked up together, so that their cache misses overlap.
        var held = HeldSuccessors<Seen.Key>()
        let kept: Seen? = if case .filter(let kept) = lookup { kept } else { nil }
        for position in segment.range {
            // A state may cost many solver calls: the clock and a cancellation are polled every few
            // states, not only between segments.
            if (position - segment.range.lowerBound) & 0xF == 0, let stop = stops.reached() {
                expansion.stop = stop
                break
            }
            if position > segment.range.lowerBound { segment.states.load(&cursor, into: &state) }
            let number = segment.first + UInt32(position - segment.range.lowerBound)
            judge(state, number: number, properties: stateProperties, into: &expansion.findings)
            guard pass != .judge else { continue }
            held.removeAll()
            visitSuccessors(of: state, pass: pass, seen: seen, kept: kept, scratch: &scratch, into: &held, expansion: &expansion)
            if pass == .expand {
                judge(
                    state, steps: held.count, actions: held.actions.base, successors: held.states.base, source: number,
                    judges: transitionJudges, into: &expansion.findings)
                keep(held, of: number, seen: seen, lookup: lookup, bounds: bounds, log: &log, into: &expansion)
            }
            if expansion.stop != nil { break }
            judgeDeadlock(state, number: number, successors: held.count, into: &expansion.findings)
        }
        return expansion
    }

    /// Builds the successors of `state` in `scratch` and appends their keys in `seen` to `held`;
    /// where `pass` expands, holds them there (their steps' coverage keys too, when the search counts
    /// coverage), fetches their keys' memory in `seen` and `kept`, and counts each step in
    /// `expansion`. Otherwise notes there whether one never seen lies past the depth limit.
    @inlinable @inline(__always)
    func visitSuccessors<Seen: SeenStates, Batch: StateBatch>(
        of state: System.State, pass: LevelPass, seen: Seen, kept: Seen?, scratch: inout System.State,
        into held: inout HeldSuccessors<Seen.Key>, expansion: inout Expansion<Batch, Seen.Key>
    ) where Seen.State == System.State, Batch.State == System.State {
        guard options.countsCoverage else {
            system.forEachSuccessor(of: state, buildingIn: &scratch) { action, successor in
                let key = seen.key(of: successor)
                guard take(key, pass: pass, seen: seen, kept: kept, into: &held, expansion: &expansion) else { return }
                held.hold(action, &successor)
            }
            return
        }
        visitSuccessorsCountingCoverage(of: state, pass: pass, seen: seen, kept: kept, scratch: &scratch, into: &held, expansion: &expansion)
    }

    /// `visitSuccessors(of:pass:seen:kept:scratch:into:expansion:)` in a search that counts coverage:
    /// apart, so that a search that counts none asks whether it does once a state, not once a step.
    @inlinable
    func visitSuccessorsCountingCoverage<Seen: SeenStates, Batch: StateBatch>(
        of state: System.State, pass: LevelPass, seen: Seen, kept: Seen?, scratch: inout System.State,
        into held: inout HeldSuccessors<Seen.Key>, expansion: inout Expansion<Batch, Seen.Key>
    ) where Seen.State == System.State, Batch.State == System.State {
        system.forEachSuccessor(of: state, buildingIn: &scratch) { action, successor in
            let key = seen.key(of: successor)
            guard take(key, pass: pass, seen: seen, kept: kept, into: &held, expansion: &expansion) else { return }
            let coverageKey = system.coverageKey(of: action)
            expansion.coverage.countTransition(coverageKey)
            held.hold(action, &successor)
            held.hold(coverageKey: coverageKey)
        }
    }

    /// What a visit does first with a successor's key: appends it to `held` and, where `pass`
    /// expands, counts the step in `expansion` and fetches the key's memory in `seen` and `kept`;
    /// otherwise notes there whether the successor, if never seen, lies past the depth limit.
    /// Whether the step is taken, and the successor to be held.
    @inlinable @inline(__always)
    func take<Seen: SeenStates, Batch: StateBatch>(
        _ key: Seen.Key, pass: LevelPass, seen: Seen, kept: Seen?, into held: inout HeldSuccessors<Seen.Key>,
        expansion: inout Expansion<Batch, Seen.Key>
    ) -> Bool where Seen.State == System.State, Batch.State == System.State {
        held.hold(key: key)
        guard pass == .expand else {
            if !expansion.reachesPastDepthLimit, !seen.contains(key) { expansion.reachesPastDepthLimit = true }
            return false
        }
        expansion.transitions += 1
        seen.prefetch(key)
        kept?.prefetch(key)
        return true
    }

    /// Keeps in `expansion` the successors of the state numbered `number` that `held` holds and
    /// `lookup` lets through, in their order. A lookup that inserts numbers each new successor in
    /// `log` (counting it under its step's key), until the state limit of `bounds`, and stops the
    /// expansion instead at a successor whose insertion could reach its memory limit. A lookup that
    /// filters keeps, beside each, where it came from, its key, and its step's coverage key.
    ///
    /// The successors are lent to the batch in place, though none is changed: read out of their
    /// storage, each would be copied, its buffer retained and released.
    @inlinable @inline(__always)
    func keep<Seen: SeenStates, Batch: StateBatch>(
        _ held: borrowing HeldSuccessors<Seen.Key>, of number: UInt32, seen: Seen, lookup: SuccessorLookup<Seen>,
        bounds: SearchBounds, log: inout DiscoveryLog, into expansion: inout Expansion<Batch, Seen.Key>
    ) where Seen.State == System.State, Batch.State == System.State {
        for index in 0..<held.count {
            let key = held.key(at: index)
            switch lookup {
            case .insert:
                if let stop = bounds.memoryLimit(inserting: key, into: seen) { expansion.stop = stop }
                guard expansion.stop == nil, seen.insert(key), expansion.stateLimit == nil else { continue }
                if let stop = bounds.stateLimit(reachedAt: log.count) {
                    expansion.stateLimit = stop
                    continue
                }
                _ = log.append(parent: number, choice: index)
                if options.countsCoverage { expansion.coverage.countState(held.coverageKey(at: index)) }
            case .filter(let kept):
                guard !kept.contains(key), !seen.contains(key) else { continue }
                _ = kept.insert(key)
                expansion.keys.append(key)
                expansion.parents.append(number)
                expansion.choices.append(UInt32(index))
                if options.countsCoverage { expansion.reachedBy.append(held.coverageKey(at: index)) }
            }
            append(&held.states.base[index], to: &expansion.successors)
        }
    }

    /// Appends `state`, lent in place, to `batch`.
    @inlinable @inline(__always)
    func append<Batch: StateBatch>(_ state: inout System.State, to batch: inout Batch) where Batch.State == System.State {
        batch.append(state)
    }
}

/// How a level search tells which successors are new.
@usableFromInline
enum SuccessorLookup<Seen: SeenStates> {
    /// By inserting each into the seen set as it is found: the level's states are expanded in order,
    /// on one thread.
    case insert
    /// By looking each up in the seen set as it was when the level began, and keeping only the
    /// first of each in this set: the level is shared between threads, and the seen set is read only.
    case filter(Seen)
}

/// A piece of one level of a breadth-first search: states the search numbered consecutively, a
/// range of a batch that other segments may share.
@usableFromInline
struct LevelSegment<Batch: StateBatch> {
    @usableFromInline var states: Batch
    @usableFromInline var range: Range<Int>
    /// The number of the first state.
    @usableFromInline var first: UInt32

    @inlinable
    init(states: Batch, range: Range<Int>, first: UInt32) {
        (self.states, self.range, self.first) = (states, range, first)
    }

    /// `batch` cut into segments of at most `size` states, numbered on from `first`.
    @inlinable
    static func split(_ batch: Batch, first: UInt32, size: Int) -> [LevelSegment] {
        stride(from: 0, to: batch.count, by: size).map { start in
            LevelSegment(states: batch, range: start..<min(start + size, batch.count), first: first + UInt32(start))
        }
    }
}
