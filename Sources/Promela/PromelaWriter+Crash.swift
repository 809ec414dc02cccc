import Extent

/// The crash of §10 in Promela, written from the contract: one option of the loop while crashes
/// remain, which drops every bio in flight (under `overwrite: in-place` after storing the transfers
/// it made), every folio, resyncs where the policy does, stops writers and mutators and starts a
/// reader's call in progress again.
///
/// A crash is enabled in every state while crashes remain, so SPIN's `timeout` cannot find a
/// deadlock there: the crash asserts `no-deadlock` itself, true when some other step could run or
/// everyone has finished, which is the contract's rule (a crash still possible hides no deadlock).
extension PromelaWriter {
    /// Whether every writer has finished or been stopped by a crash, every reader has finished, and
    /// every scrubber its passes.
    var finished: String {
        all(
            writers.enumerated().map { writer, description in
                let done = "wstep[\(writer)] == \(description.script.count)"
                return model.scenario.crashes > 0 ? "(\(done) || wphase[\(writer)] == 3)" : done
            }
                + readers.enumerated().map { "rstep[\($0.offset)] == \($0.element.script.count)" }
                + scrubbers.enumerated().map { "scrubbed[\($0.offset)] == \($0.element.passes * blocks)" })
    }

    mutating func writeCrash() {
        let others = guards.map { "(\($0))" }.joined(separator: " || ")
        option("power: crash, then the next mount", guard: "crashed < \(model.scenario.crashes)", stores: true) {
            if $0.asserts(.noDeadlock) {
                let assertion = $0.flag(.noDeadlock)
                $0.line("\(assertion) = (\(others.isEmpty ? "false" : others) || (\($0.finished))); assert(\(assertion));", 2)
            }
            if $0.policy.overwrite == .inPlace { $0.storeTransfers() }
            $0.dropBiosAndFolios()
            if $0.policy.crashRecovery == .resync {
                for block in 0..<$0.blocks {
                    for mirror in 1..<max(1, $0.mirrors) { $0.copy(.stored(block, mirror: 0), to: .stored(block, mirror: mirror), 2) }
                }
            }
            for (writer, description) in $0.writers.enumerated() {
                $0.line("if :: wstep[\(writer)] < \(description.script.count) -> wphase[\(writer)] = 3 :: else -> skip fi;", 2)
            }
            for mutator in $0.mutators.indices { $0.line("budget[\(mutator)] = 0;", 2) }
            for reader in $0.readers.indices {
                $0.line("rindex[\(reader)] = 0; rphase[\(reader)] = 0; rreread[\(reader)] = 0;", 2)
                $0.line("rmirror[\(reader)] = 0; rtried[\(reader)] = 0; rfailed[\(reader)] = 0;", 2)
                $0.clear(.readerPage(reader), 2)
            }
            $0.line("crashed = crashed + 1;", 2)
        }
    }

    /// Every transfer a bio in flight has made, on its mirror's copy of its block.
    private mutating func storeTransfers() {
        for owner in owners {
            line("if :: (\(isInFlight(owner))) ->", 2)
            for (index, block) in fileBlocks(owner).enumerated() {
                for mirror in 0..<mirrors {
                    let received = Place.received(owner, mirror: mirror, index: index)
                    let store = zip(words(.stored(block, mirror: mirror)), words(received)).map { "\($0) = \($1)" }
                    line("if :: \(isFilled(received)) -> \(store.joined(separator: "; ")) :: else -> skip fi;", 3)
                }
            }
            line(":: else -> skip fi;", 2)
        }
    }

    /// Every bio's record and every folio emptied.
    private mutating func dropBiosAndFolios() {
        var places: [Place] = []
        for owner in owners {
            for index in fileBlocks(owner).indices {
                places.append(.checksum(owner, index: index))
                places += (0..<mirrors).map { .received(owner, mirror: $0, index: index) }
                if case .writer(let writer, _, _) = owner, directPath == .bounce { places.append(.bounce(writer: writer, index: index)) }
            }
        }
        for block in 0..<blocks {
            if policy.writebackSource == .copy { places.append(.writebackCopy(block)) }
            places.append(.folio(block))
        }
        // A writer's bios of several steps share its slots: each is emptied once.
        var emptied: Set<String> = []
        let slots = places.flatMap(words).filter { emptied.insert($0).inserted }
        line(slots.map { "\($0) = NONE;" }.joined(separator: " "), 2)
        line((0..<blocks).map { "fflags[\($0)] = 0;" }.joined(separator: " "), 2)
    }
}
