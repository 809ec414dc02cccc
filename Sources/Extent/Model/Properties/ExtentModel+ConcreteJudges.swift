@_spi(Search) internal import Explorer

extension ExtentModel {
    /// The judge of a built-in invariant in concrete mode that compares slots or looks at the step
    /// alone, without building a view of every state: with every word a value, it finds what the
    /// invariant's own judge finds (§7.12). Nil in symbolic mode, for a property of the user's, and
    /// for a built-in judged through views.
    func concreteJudge(of property: ExtentProperty) -> Property<ExtentModel>? {
        guard concreteValues != nil, let search = property.explains else { return nil }
        switch search {
        case .checksums:
            // Concrete checksums are injective: comparing the slots is the judge's own comparison.
            return .always(property.name) { state in storedChecksumsMatch(state) ? .holds : .violated }
        case .mirrors:
            return .always(property.name) { state in storedMirrorsAgree(state) ? .holds : .violated }
        case .checksummed:
            // A step stores blocks without a checksum exactly when it is a successful complete of a
            // bio the policy does not checksum.
            return .onEveryTransition(property.name) { _, action, _ in
                if case .complete(let owner) = action, !checksums(owner) { .violated } else { .holds }
            }
        case .writes:
            // A failing complete is a step only where its outcome can fail, and every one returns EIO.
            return .onEveryTransition(property.name) { _, action, _ in
                if case .failedCompletion = action { .violated } else { .holds }
            }
        case .deadlock, .reads, .falseAlarms, .scrubs:
            return nil
        }
    }

    /// Whether every stored checksum is over the words its block holds on every mirror, slot for slot.
    private func storedChecksumsMatch(_ state: ExtentState) -> Bool {
        // Stored blocks lie one after another: each block's mirrors, then its checksum.
        let (base, blockStride, words, mirrors) = (layout.storedBase, layout.storedStride, geometry.blockWords, geometry.mirrors)
        return state.slots.withUnsafeBufferPointer { slots in
            for block in 0..<geometry.blocks {
                let start = base &+ block &* blockStride
                let checksum = start &+ mirrors &* words
                guard slots[checksum] != StateLayout.none else { continue }
                for mirror in 0..<mirrors where !Self.words(words, at: start &+ mirror &* words, equalThoseAt: checksum, in: slots) {
                    return false
                }
            }
            return true
        }
    }

    /// Whether every stored block holds on every mirror the words it holds on mirror 0, slot for slot.
    private func storedMirrorsAgree(_ state: ExtentState) -> Bool {
        let (base, blockStride, words, mirrors) = (layout.storedBase, layout.storedStride, geometry.blockWords, geometry.mirrors)
        guard mirrors > 1 else { return true }
        return state.slots.withUnsafeBufferPointer { slots in
            for block in 0..<geometry.blocks {
                let first = base &+ block &* blockStride
                for mirror in 1..<mirrors where !Self.words(words, at: first &+ mirror &* words, equalThoseAt: first, in: slots) {
                    return false
                }
            }
            return true
        }
    }

    /// Whether the `count` slots from `start` hold what the `count` from `other` hold. Apart and
    /// with wrapping arithmetic, as these judges run on every state of a concrete search.
    @inline(__always)
    private static func words(_ count: Int, at start: Int, equalThoseAt other: Int, in slots: UnsafeBufferPointer<UInt32>) -> Bool {
        var word = 0
        while word < count {
            guard slots[start &+ word] == slots[other &+ word] else { return false }
            word &+= 1
        }
        return true
    }
}
