/// A judgement asked a state view for a part the model does not have: a block past the end of the
/// file or of a buffer, a mirror the model lacks, a block a bio does not write, a word past the end
/// of a block. The property is then `unknown` for that state, with this as its reason.
public struct ViewAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was asked for, and what there is, e.g. `mirror 1 of a model with 1 mirror`.
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Throws unless `index` is in `0..<count`, saying what `what` (e.g. `mirror`) has `count` of.
    static func check(_ index: Int, of count: Int, _ what: String, in whole: @autoclosure () -> String) throws(ViewAccessError) {
        guard index < 0 || index >= count else { return }
        throw ViewAccessError("\(what) \(index) of \(whole()), which has \(count) \(what)\(count == 1 ? "" : "s")")
    }
}
