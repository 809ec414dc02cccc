extension TraceReplayer {
    /// "stored.0.csum.0.value is 1234 on replay, 99 in the trace": where two snapshots first differ.
    func difference(_ replayed: [String: TraceValue], _ recorded: [String: TraceValue]) -> String {
        guard let (path, this, other) = TraceValue.record(replayed).firstDifference(from: .record(recorded)) else {
            return "nothing"
        }
        let place = path.isEmpty ? "the state" : path.joined(separator: ".")
        func show(_ value: TraceValue?) -> String {
            guard let value else { return "absent" }
            guard case .integer(let number) = value else { return value.description }
            // A checksum's value, or a word of data, as traces show them.
            if path.last == "value" { return TraceRendering.hex(number, digits: 8) }
            let words = ["buffers", "folios", "bios", "stored"].contains(path.first ?? "")
                && !["position", "budget", "blocks"].contains(where: path.contains)
            return words && model.concreteValues == nil ? TraceRendering.hex(number, digits: wordDigits) : String(number)
        }
        return "\(place) is \(show(this)) on replay, \(show(other)) in the trace"
    }

    /// Where the trace shows a word: at which step, under which path, with which value.
    struct Appearance {
        var step: Int
        var place: String
        var value: UInt64
    }

    /// Records every word `names` shows (as `wN`) with the value at the same place of `recorded`;
    /// says where the two differ in shape.
    func collect(
        _ names: [String: TraceValue], _ recorded: [String: TraceValue], step: Int,
        into appearances: inout [UInt32: [Appearance]]
    ) -> String? {
        func walk(_ name: TraceValue, _ value: TraceValue, _ path: [String]) -> String? {
            let place = path.joined(separator: ".")
            switch (name, value) {
            case (.string(let text), .integer(let number)) where text.hasPrefix("w"):
                guard let id = UInt32(text.dropFirst()) else { return "\(place) is not a word" }
                appearances[id, default: []].append(Appearance(step: step, place: place, value: number))
                return nil
            case (.string(TraceRendering.checksumPlaceholder), .integer):
                return nil
            case (.record(let a), .record(let b)) where Set(a.keys) == Set(b.keys):
                for key in a.keys.sorted() {
                    if let problem = walk(a[key]!, b[key]!, path + [key]) { return problem }
                }
                return nil
            case (.list(let a), .list(let b)) where a.count == b.count, (.tuple(let a), .tuple(let b)) where a.count == b.count:
                for index in a.indices {
                    if let problem = walk(a[index], b[index], path + [String(index)]) { return problem }
                }
                return nil
            case (.map(let a), .map(let b)) where Set(a.keys) == Set(b.keys):
                for key in a.keys.sorted(by: { $0.description < $1.description }) {
                    if let problem = walk(a[key]!, b[key]!, path + [key.description]) { return problem }
                }
                return nil
            default:
                return name == value
                    ? nil : "\(place.isEmpty ? "the state" : place) is shaped \(name) on replay, \(value) in the trace"
            }
        }
        return walk(.record(names), .record(recorded), [])
    }

    /// The value of every word: the one most of its appearances show (of values shown equally often, the earliest).
    /// Where an appearance shows another, the earliest such step and what it shows there.
    func oddValueOut(
        _ appearances: [UInt32: [Appearance]], into values: inout [UInt32: UInt64]
    ) -> (step: Int, reason: String)? {
        var odd: (step: Int, reason: String)?
        for (id, seen) in appearances.sorted(by: { $0.key < $1.key }) {
            var counts: [UInt64: Int] = [:]
            for appearance in seen { counts[appearance.value, default: 0] += 1 }
            let value = seen.max { counts[$0.value]! < counts[$1.value]! }!.value
            values[id] = value
            guard let first = seen.first(where: { $0.value != value }), first.step < (odd?.step ?? .max) else { continue }
            var steps: [Int] = []
            for appearance in seen where appearance.value == value && !steps.contains(appearance.step) {
                steps.append(appearance.step)
            }
            let at = steps.count == 1 ? "step \(steps[0])" : "steps " + steps.map(String.init).joined(separator: ", ")
            odd = (first.step, "\(first.place) is \(TraceRendering.hex(first.value, digits: wordDigits)) in the trace, but the same word is "
                + "\(TraceRendering.hex(value, digits: wordDigits)) at \(at)")
        }
        return odd
    }

    /// The hexadecimal digits of a word of the model.
    private var wordDigits: Int { TraceRendering.wordDigits(model.geometry) }
}
