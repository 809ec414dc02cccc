extension Checker {
    /// A depth-first search, over `seen`: a table of fingerprints or of whole states.
    ///
    /// Inlinable so that it is specialized for the caller's system: unspecialized, generic
    /// metadata look-ups cost more than the search itself.
    @inlinable
    func depthFirstSearch<Seen: SeenStates, Pending: Frontier>(seen: Seen, frontier: Pending) -> SearchOutcome<System.State, System.Action>
    where Seen.State == System.State, Pending.State == System.State {
        var frontier = frontier
        var log = DiscoveryLog()
        let clock = ContinuousClock()
        let start = clock.now
        let stops = SearchStops(options: options, start: start)
        let bounds = SearchBounds(options: options)
        var lastReport = start
        var statistics = SearchStatistics()
        var coverage = CoverageTally<System.CoverageKey>()
        var findings = [PropertyProgress](repeating: PropertyProgress(), count: properties.count)
        let (stateProperties, transitionJudges) = (stateProperties, transitionJudges)

        var limit = seed(seen, log: &log, statistics: &statistics, bounds: bounds) { state, number in
            judge(state, number: number, properties: stateProperties, into: &findings)
            frontier.append(state, number: number, depth: 0)
        }
        if limit == nil {
            var expansions = 0
            while let (state, number, depth) = frontier.popLast() {
                expansions += 1
                // A state may cost many solver calls: the clock is read every few states.
                if expansions & 0xF == 0,
                    let stop = watch(
                        after: expansions, stops: stops, bounds: bounds, seen: seen, statistics: &statistics, start: start,
                        lastReport: &lastReport)
                {
                    limit = stop
                    break
                }
                let stopped = expand(
                    state, number: number, depth: depth, seen: seen, bounds: bounds,
                    properties: (stateProperties, transitionJudges), frontier: &frontier, log: &log,
                    statistics: &statistics, coverage: &coverage, findings: &findings, limit: &limit)
                if stopped { break }
            }
        }

        statistics.states = seen.count
        statistics.seconds = Double(clock.now - start)
        return outcome(of: findings, log: log, statistics: statistics, limit: limit, coverage: coverage)
    }

    /// What a depth-first search asks every 16 expansions: why it stops there, if it does (one of
    /// `stops`, or, every 4096 expansions, the memory limit of `bounds`). Otherwise reports
    /// `statistics`, with the states of `seen` and the time since `start`, to the options' progress,
    /// if a report is due since `lastReport`.
    @inlinable
    func watch<Seen: SeenStates>(
        after expansions: Int, stops: SearchStops, bounds: SearchBounds, seen: Seen, statistics: inout SearchStatistics,
        start: ContinuousClock.Instant, lastReport: inout ContinuousClock.Instant
    ) -> SearchLimit? {
        if let stop = stops.reached() { return stop }
        let now = ContinuousClock.now
        if expansions & 0xFFF == 0, let stop = bounds.memoryLimitReached() { return stop }
        if let progress = options.progress, now - lastReport >= options.progressInterval {
            lastReport = now
            statistics.states = seen.count
            statistics.seconds = Double(ContinuousClock.now - start)
            progress(statistics)
        }
        return nil
    }

    /// Expands `state`, the state numbered `number` at `depth`: judges each step from it and each
    /// successor not seen before, which it numbers in `log` and puts on `frontier`; judges `state` a
    /// deadlock if it has no successor. Returns whether a limit stopped the search, which it puts in
    /// `limit`; puts there the depth limit too, which stops nothing, once it kept out a state never seen.
    /// When the search counts coverage, counts each step and each new successor in `coverage`.
    ///
    /// Successors are judged and stored as the system builds them: most were seen before, and are
    /// dropped without ever being kept.
    @inlinable @inline(__always)
    func expand<Seen: SeenStates, Pending: Frontier>(
        _ state: System.State, number stateNumber: UInt32, depth: Int, seen: Seen, bounds: SearchBounds,
        properties: (state: [Int], transition: [TransitionJudge]), frontier: inout Pending, log: inout DiscoveryLog,
        statistics: inout SearchStatistics, coverage: inout CoverageTally<System.CoverageKey>,
        findings: inout [PropertyProgress], limit: inout SearchLimit?
    ) -> Bool where Seen.State == System.State, Pending.State == System.State {
        if options.countsCoverage {
            return expandCountingCoverage(
                state, number: stateNumber, depth: depth, seen: seen, bounds: bounds, properties: properties,
                frontier: &frontier, log: &log, statistics: &statistics, coverage: &coverage, findings: &findings,
                limit: &limit)
        }
        var count = 0
        var stopped = false
        let expandable = bounds.expands(depth: depth)
        system.forEachSuccessor(of: state) { action, successor in
            let index = count
            count += 1
            guard !stopped else { return }
            let successorKey = seen.key(of: successor)
            guard expandable else {
                // Only a successor never seen is a state the limit kept out.
                if !seen.contains(successorKey) { limit = bounds.depthLimit }
                return
            }
            statistics.transitions += 1
            judge(
                state, action, successor, at: .transition(source: stateNumber, index: index),
                judges: properties.transition, into: &findings)
            // The log numbers every state of `seen`, and counts them at once.
            if let stop = bounds.stateLimit(reachedAt: log.count) {
                if !seen.contains(successorKey) {
                    limit = stop
                    stopped = true
                }
                return
            }
            if let stop = bounds.memoryLimit(inserting: successorKey, into: seen) {
                limit = stop
                stopped = true
                return
            }
            guard seen.insert(successorKey) else { return }
            let number = log.append(parent: stateNumber, choice: index)
            statistics.maxDepth = max(statistics.maxDepth, depth + 1)
            judge(successor, number: number, properties: properties.state, into: &findings)
            frontier.append(successor, number: number, depth: depth + 1)
        }
        if stopped { return true }
        judgeDeadlock(state, number: stateNumber, successors: count, into: &findings)
        return false
    }

    /// `expand(_:number:depth:seen:bounds:properties:frontier:log:statistics:coverage:findings:limit:)`
    /// of a search that counts coverage: the same, and each step and each new successor counted in
    /// `coverage`. Apart, so that a search that counts none asks whether it does once a state.
    @inlinable
    func expandCountingCoverage<Seen: SeenStates, Pending: Frontier>(
        _ state: System.State, number stateNumber: UInt32, depth: Int, seen: Seen, bounds: SearchBounds,
        properties: (state: [Int], transition: [TransitionJudge]), frontier: inout Pending, log: inout DiscoveryLog,
        statistics: inout SearchStatistics, coverage: inout CoverageTally<System.CoverageKey>,
        findings: inout [PropertyProgress], limit: inout SearchLimit?
    ) -> Bool where Seen.State == System.State, Pending.State == System.State {
        var count = 0
        var stopped = false
        let expandable = bounds.expands(depth: depth)
        system.forEachSuccessor(of: state) { action, successor in
            let index = count
            count += 1
            guard !stopped else { return }
            let successorKey = seen.key(of: successor)
            guard expandable else {
                // Only a successor never seen is a state the limit kept out.
                if !seen.contains(successorKey) { limit = bounds.depthLimit }
                return
            }
            statistics.transitions += 1
            let coverageKey = system.coverageKey(of: action)
            coverage.countTransition(coverageKey)
            judge(
                state, action, successor, at: .transition(source: stateNumber, index: index),
                judges: properties.transition, into: &findings)
            // The log numbers every state of `seen`, and counts them at once.
            if let stop = bounds.stateLimit(reachedAt: log.count) {
                if !seen.contains(successorKey) {
                    limit = stop
                    stopped = true
                }
                return
            }
            if let stop = bounds.memoryLimit(inserting: successorKey, into: seen) {
                limit = stop
                stopped = true
                return
            }
            guard seen.insert(successorKey) else { return }
            coverage.countState(coverageKey)
            let number = log.append(parent: stateNumber, choice: index)
            statistics.maxDepth = max(statistics.maxDepth, depth + 1)
            judge(successor, number: number, properties: properties.state, into: &findings)
            frontier.append(successor, number: number, depth: depth + 1)
        }
        if stopped { return true }
        judgeDeadlock(state, number: stateNumber, successors: count, into: &findings)
        return false
    }
}
